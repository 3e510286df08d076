package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.formats.mask.PixelBox;

/**
 * One frame of a hulk data set as {@link org.radioclr.core.cutout.HulkCutter} lists it: its entry,
 * its FITS file, the map it was cut from and where ({@code x0}, {@code y0} extras and the frame
 * size of the cut).
 *
 * @param entry the datalist entry
 * @param map absolute, normalised path of the map (the {@code map} extra)
 * @param box the frame in map pixels, inclusive
 */
public record HulkFrame(DatalistEntry entry, Path map, PixelBox box) {

  public HulkFrame {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(box, "box");
  }

  /** The frame's FITS file. */
  public Path image() {
    return entry.files().get(0);
  }

  /** The frame's noise rms from the datalist ({@code rms} extra), NaN when absent. */
  public double rms() {
    return entry.extras().get("rms") instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /**
   * Reads the frames of a hulk datalist cut with square frames of {@code frameSize} pixels.
   *
   * @throws BadInputException naming the datalist when it cannot be read or an entry lacks the
   *     {@code map}, {@code x0} or {@code y0} extras
   */
  public static List<HulkFrame> read(Path datalist, int frameSize) {
    if (frameSize < 1) {
      throw new IllegalArgumentException("frame size must be >= 1, got " + frameSize);
    }
    List<HulkFrame> frames = new ArrayList<>();
    for (DatalistEntry e : DatalistReader.readAll(datalist)) {
      Object map = e.extras().get("map");
      Object x0 = e.extras().get("x0");
      Object y0 = e.extras().get("y0");
      if (!(map instanceof String m) || !(x0 instanceof Number x) || !(y0 instanceof Number y)) {
        throw new BadInputException(
            datalist, "entry " + e.sname() + " has no map/x0/y0 fields; is this a hulk datalist?");
      }
      frames.add(
          new HulkFrame(
              e,
              datalist.toAbsolutePath().getParent().resolve(m).normalize(),
              PixelBox.ofSize(x.intValue(), y.intValue(), frameSize, frameSize)));
    }
    return frames;
  }
}
