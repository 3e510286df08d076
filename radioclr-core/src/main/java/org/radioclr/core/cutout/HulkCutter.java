package org.radioclr.core.cutout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.RelativePaths;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.core.wcs.WcsException;

/**
 * Builds a blind ("hulk") data set (paper §2.2): a square window slides over each map with a fixed
 * step, every frame with at most the allowed blank fraction becomes a FITS file with the map's
 * header (WCS reference pixel shifted, beam and unit kept), and {@code datalist.json} lists the
 * frames with their map, pixel origin {@code x0,y0} (0-based), centre {@code ra,dec} (degrees, in
 * the map's frame) and local noise {@code rms} (sigma-clipped, map units) as extra fields.
 *
 * <p>Maps are processed one at a time and frames are written as they are cut, so memory holds one
 * map and does not grow with the number of frames. A map that cannot be read is reported in the
 * summary and the run goes on; a map without usable WCS gives frames without sky coordinates and a
 * warning. The datalist replaces any previous one only when the run completes.
 */
public final class HulkCutter {
  /** Name of the datalist written into the output folder. */
  public static final String DATALIST = "datalist.json";

  private final HulkConfig config;
  private final ProgressListener progress;

  public HulkCutter(HulkConfig config, ProgressListener progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Cuts every map into frames under {@code outDir/frames} and writes {@code outDir/datalist.json}.
   *
   * @throws BadInputException when the output folder cannot be written, or when no frame at all
   *     comes out (every map unreadable, smaller than one frame, or all its frames too blank):
   *     naming the map (or, for several, each with its reason); any earlier datalist and frames are
   *     then left as they were
   */
  public CutoutSummary cut(List<Path> maps, Path outDir) {
    return cut(maps, outDir, null);
  }

  /**
   * Cuts the maps of one {@link Shard} (its block of {@code maps}, in their order) and writes the
   * shard's part of the datalist, {@code outDir/datalist.part-000I-of-000N.json}; frames go to the
   * shared {@code outDir/frames} under the names one process gives them (file stems are made unique
   * over all {@code maps}). The parts merged in shard order are the datalist of {@link #cut(List,
   * Path)}. A shard that cuts no frame (no map of its own, or none gives a frame) writes an empty
   * part, its failures reported in the summary. With a null shard this is {@link #cut(List, Path)}.
   */
  public CutoutSummary cut(List<Path> maps, Path outDir, Shard shard) {
    ShardCut cut = cut(maps, outDir, shard, Shard.target(outDir.resolve(DATALIST), shard));
    if (cut.summary().written() == 0 && shard == null) {
      throw nothingCut(maps, cut.noFrame());
    }
    return cut.summary();
  }

  /**
   * What one shard cut.
   *
   * @param summary its frames, skipped frames, failed maps and warnings
   * @param noFrame each of its maps that gave no frame, with why (in map order)
   */
  public record ShardCut(CutoutSummary summary, Map<Path, String> noFrame) {
    public ShardCut {
      noFrame = Collections.unmodifiableMap(new LinkedHashMap<>(noFrame));
    }
  }

  /**
   * Cuts the maps of {@code shard} (all of them when null) as {@link #cut(List, Path, Shard)} does,
   * frames to {@code outDir/frames} under the names one process gives them, but writes the datalist
   * of its frames to {@code datalist} (anywhere; frames outside its folder are listed by absolute
   * path; with a null shard only when a frame was cut) and never fails for cutting no frame: that
   * is for the caller to judge, over all shards, with {@link #nothingCut}. Distributed runners
   * (Spark) use it, one map per task.
   */
  public ShardCut cut(List<Path> maps, Path outDir, Shard shard, Path datalist) {
    Path frames = outDir.resolve("frames");
    Path created = OutputFolders.firstMissing(frames);
    AtomicFiles.ensureDirectory(frames);
    CutoutSummary summary = new CutoutSummary();
    Set<String> usedStems = new HashSet<>();
    List<String> stems = new ArrayList<>(maps.size());
    for (Path map : maps) { // every map's, so that a shard names its frames as one process does
      stems.add(FileStems.unique(FileStems.withoutFitsExtension(map), usedStems));
    }
    Map<Path, String> empty = new LinkedHashMap<>(); // why a map gave no frame
    boolean committed = false;
    try (DatalistWriter part = DatalistWriter.open(datalist)) {
      for (int m = 0; m < maps.size(); m++) {
        if (shard != null && !shard.holds(m, maps.size())) {
          continue;
        }
        Path map = maps.get(m);
        FitsImage image;
        try {
          image = FitsReader.read(map);
        } catch (BadInputException e) {
          summary.failed(e.getMessage());
          empty.put(map, e.problem());
          continue;
        }
        String none = cutMap(image, stems.get(m), frames, part, summary);
        if (none != null) {
          empty.put(map, none);
        }
      }
      if (part.written() > 0 || shard != null) {
        part.commit();
        committed = true;
      }
    } finally {
      if (!committed) {
        OutputFolders.removeIfEmpty(frames, created);
      }
    }
    return new ShardCut(summary, empty);
  }

  /**
   * The one error of a run that cut no frame, naming each map and why it gave none ({@code why}:
   * the maps that gave none, the others "no frame kept").
   */
  public static RadioclrException nothingCut(List<Path> maps, Map<Path, String> why) {
    if (maps.size() == 1) {
      return new BadInputException(
          maps.get(0), "no frame cut: " + why.getOrDefault(maps.get(0), "no frame kept"));
    }
    List<String> each = new ArrayList<>();
    for (Path map : maps) {
      each.add(map + ": " + why.getOrDefault(map, "no frame kept"));
    }
    return new RadioclrException(
        "no frame cut from any of the " + maps.size() + " maps: " + String.join("; ", each));
  }

  /**
   * Cuts one map; null when it gave at least one frame, otherwise why it gave none (also reported
   * as a warning or in the skipped counts).
   */
  private String cutMap(
      FitsImage image, String stem, Path frames, DatalistWriter datalist, CutoutSummary summary) {
    Wcs wcs = null;
    try {
      wcs = Wcs.fromHeader(image.header());
    } catch (WcsException e) {
      summary.warn(
          image.source()
              + ": no usable WCS ("
              + e.getMessage()
              + "); frames have no sky coordinates");
    }
    int[] xs = FrameGrid.origins(image.width(), config.size(), config.step());
    int[] ys = FrameGrid.origins(image.height(), config.size(), config.step());
    if (xs.length == 0 || ys.length == 0) {
      String why =
          image.width()
              + "x"
              + image.height()
              + " map is smaller than one "
              + config.size()
              + "-pixel frame";
      summary.warn(image.source() + ": " + why);
      return why;
    }
    long frameCount = (long) xs.length * ys.length;
    long before = datalist.written();
    progress.start("cutting " + image.source().getFileName(), frameCount);
    try {
      for (int y0 : ys) {
        Wcs rowWcs = wcs;
        // Frames of one row are cut in parallel, then listed in order.
        List<DatalistEntry> row =
            IntStream.range(0, xs.length)
                .parallel()
                .mapToObj(i -> cutFrame(image, rowWcs, stem, frames, xs[i], y0, summary))
                .toList();
        for (DatalistEntry e : row) {
          if (e != null) {
            datalist.write(e);
          }
        }
      }
    } finally {
      progress.finish();
    }
    if (datalist.written() > before) {
      return null;
    }
    String blank =
        String.format(Locale.ROOT, "more than %.0f%% blank", 100 * config.maxBlankFraction());
    return frameCount == 1
        ? "its only frame is " + blank
        : "all " + frameCount + " frames are " + blank;
  }

  private DatalistEntry cutFrame(
      FitsImage image, Wcs wcs, String stem, Path frames, int x0, int y0, CutoutSummary summary) {
    try {
      int size = config.size();
      Plane frame = Pixels.window(image.plane(), x0, y0, size, size);
      if (Pixels.invalidFraction(frame) > config.maxBlankFraction()) {
        summary.skipped(String.format("more than %.0f%% blank", 100 * config.maxBlankFraction()));
        return null;
      }
      String name = stem + "_x" + x0 + "_y" + y0;
      Path file = frames.resolve(name + ".fits");
      FitsWriter.write(
          file,
          frame,
          FitsCards.from(image.header())
              .shifted(image.header(), x0, y0)
              .history(
                  "radioclr hulk frame "
                      + size
                      + "x"
                      + size
                      + " at x0="
                      + x0
                      + " y0="
                      + y0
                      + " of "
                      + image.source().getFileName()));
      summary.wrote();
      Map<String, Object> extras = new LinkedHashMap<>();
      extras.put("map", RelativePaths.from(frames.getParent(), image.source()));
      extras.put("x0", x0);
      extras.put("y0", y0);
      if (wcs != null) {
        SkyCoord c = wcs.pixelToSky(x0 + (size - 1) / 2.0, y0 + (size - 1) / 2.0);
        extras.put("ra", c.lon());
        extras.put("dec", c.lat());
      }
      extras.put("rms", NoiseEstimate.rms(frame));
      return new DatalistEntry(List.of(file), name, List.of(), List.of(), extras);
    } finally {
      progress.advance(1);
    }
  }
}
