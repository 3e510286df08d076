package org.radioclr.detect.output;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nom.tam.fits.Header;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsStripReader;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.Instance;
import org.radioclr.detect.tiles.MapObject;
import org.radioclr.detect.tiles.TiledDetection;
import org.radioclr.formats.labels.DetectionClass;

/**
 * One map through a detector: read, detected in overlapping tiles ({@link TiledDetection}), and its
 * outputs written ({@link MapOutputs}) into {@code out/<map stem>}.
 */
public final class MapRun {
  /**
   * What one map gave.
   *
   * @param dir the folder written
   * @param objects the objects, in id order
   * @param notes outputs left out and why
   * @param header the map's header
   */
  public record Result(Path dir, List<MapObject> objects, List<String> notes, Header header) {
    /** Objects per class. */
    public Map<DetectionClass, Integer> counts() {
      Map<DetectionClass, Integer> c = new EnumMap<>(DetectionClass.class);
      objects.forEach(m -> c.merge(m.detectionClass(), 1, Integer::sum));
      return c;
    }
  }

  private MapRun() {}

  /**
   * Detects the objects of {@code map} and writes them.
   *
   * @param detectorFor the tile detector for a map of this header (the beam, say)
   * @param tile tile side, pixels
   * @param overlap tile overlap, pixels
   * @param out the parent folder; the map's folder is {@code out/<map stem>}
   * @throws org.radioclr.core.BadInputException naming the map when it cannot be read
   */
  public static Result run(
      Path map,
      Function<Header, Function<Plane, List<Instance>>> detectorFor,
      int tile,
      int overlap,
      Path out,
      ProgressListener progress) {
    try (FitsStripReader img = FitsStripReader.open(map)) {
      List<MapObject> found =
          TiledDetection.run(
              img.width(),
              img.height(),
              img::rows,
              detectorFor.apply(img.header()),
              tile,
              overlap,
              progress);
      Path dir = out.resolve(stem(map));
      List<String> notes =
          MapOutputs.write(
              dir, new MapOutputs.MapInfo(map, img.width(), img.height(), img.header()), found);
      return new Result(dir, found, notes, img.header());
    }
  }

  /** A map's file name without {@code .fits}, {@code .fit} or {@code .fits.gz}. */
  public static String stem(Path map) {
    return map.getFileName().toString().replaceFirst("(?i)\\.fits?(\\.gz)?$", "");
  }

  /**
   * The beam FWHM {major, minor} in pixels from a map header ({@code BMAJ}/{@code BMIN} over {@code
   * |CDELT2|}); 5 pixels without a beam, as caesar-mrcnn assumes.
   */
  public static double[] beamPixels(Header header) {
    double cdelt = Math.abs(header.getDoubleValue("CDELT2", 0)) * 3600;
    Optional<Beam> b = Beam.fromHeader(header);
    if (b.isEmpty() || cdelt == 0) {
      return new double[] {5, 5};
    }
    return new double[] {b.get().majorArcsec() / cdelt, b.get().minorArcsec() / cdelt};
  }
}
