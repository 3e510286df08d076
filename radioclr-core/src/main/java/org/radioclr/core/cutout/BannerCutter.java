package org.radioclr.core.cutout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.catalog.Catalog;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.catalog.CatalogReader;
import org.radioclr.core.catalog.CatalogSource;
import org.radioclr.core.catalog.PositionKind;
import org.radioclr.core.catalog.ResolvedColumns;
import org.radioclr.core.catalog.SizeKind;
import org.radioclr.core.catalog.SourcePosition;
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
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.core.wcs.WcsException;

/**
 * Builds a source-centred ("banner") data set (paper §2.2): one square cutout per catalogued
 * source, centred on it, with side {@code max(minSize, ceil(scale × box side))} pixels ({@link
 * BannerConfig}). Each cutout is a float32 FITS file under {@code outDir/frames}, named after the
 * source (file-name safe, unique ignoring case; repeated names get {@code -2}, {@code -3}...), with
 * the map's header (WCS reference pixel shifted so the cutout's WCS is exact, beam and unit kept)
 * and a HISTORY line. Pixels of the window outside the map are NaN (blank).
 *
 * <p><b>Centring.</b> The source centre {@code (cx, cy)} is a 0-based map pixel position, from a
 * catalogued pixel position or from a sky position through the map's WCS. The integer window origin
 * is {@code x0 = floor(cx - (side - 1) / 2 + 0.5)} (likewise {@code y0}), so the source lies within
 * half a pixel of the cutout's centre pixel position {@code ((side - 1) / 2, (side - 1) / 2)}.
 * Catalogued sky positions are taken as ICRS right ascension and declination in degrees and are
 * converted to the map's frame (FK5 or Galactic) before projection.
 *
 * <p><b>Sizes.</b> Angular sizes become pixels with the map's finer pixel scale (the smaller of the
 * two axes' scales at the reference pixel), so the box fits along both axes; pixel sizes are used
 * as they are.
 *
 * <p><b>Datalist.</b> {@code outDir/datalist.json} lists the written cutouts in catalogue order:
 * {@code sname} the source name, {@code label} the catalogue label when there is one (no class
 * ids), and extras {@code map} and {@code catalogue} (absolute paths), {@code row} (0-based table
 * row), {@code x}, {@code y} (the source centre, 0-based map pixels), {@code x0}, {@code y0} (the
 * cutout's origin in the map, 0-based, may be negative), {@code size} (side in pixels), {@code ra},
 * {@code dec} (ICRS degrees of the cutout's centre, when the map has a WCS) and {@code rms} (the
 * cutout's sigma-clipped noise, {@link NoiseEstimate}, map units). It replaces any previous one
 * only when the run completes.
 *
 * <p><b>Problems.</b> An unreadable map or catalogue (including a missing column), a map without a
 * usable WCS when the catalogue gives sky positions or angular sizes, an output folder that cannot
 * be written, or a run that writes no cutout at all (every source skipped) stop the run with one
 * {@link BadInputException}; any earlier datalist is then left as it was. A source whose centre is
 * off the map, whose sky position does not project, whose cutout would exceed {@code maxSize},
 * whose cutout holds no valid pixel, or whose cutout is more blank than {@code maxBlankFraction} is
 * skipped and counted by reason; a cutout that cannot be written is listed in the summary's
 * failures; the run goes on with the other sources.
 *
 * <p><b>Memory.</b> The map and the catalogue are held; cutouts are cut in parallel in small
 * batches (at most {@value #BATCH_SOURCES} sources or {@value #BATCH_PIXELS} pixels) and written as
 * they are cut, so memory does not grow with the number of sources.
 */
public final class BannerCutter {
  /** Name of the datalist written into the output folder. */
  public static final String DATALIST = HulkCutter.DATALIST;

  /** Sub-folder of the output folder holding the cutouts. */
  public static final String FRAMES = "frames";

  static final String OFF_MAP = "centre outside the map";
  static final String NO_PROJECTION = "sky position does not project onto the map";
  static final String ALL_BLANK = "cutout has no valid pixel";

  private static final int BATCH_SOURCES = 64;
  private static final long BATCH_PIXELS = 1L << 24;

  private final BannerConfig config;
  private final ProgressListener progress;

  public BannerCutter(BannerConfig config, ProgressListener progress) {
    this.config = Objects.requireNonNull(config, "config");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Cuts one cutout per source of {@code catalog} out of {@code map} into {@code outDir/frames} and
   * writes {@code outDir/datalist.json}.
   *
   * @param columns which catalogue columns hold what ({@link CatalogColumns#defaults()} finds the
   *     usual names)
   * @throws BadInputException naming the file, when the catalogue or map cannot be read, the map
   *     has no usable WCS but the catalogue needs one, or the output cannot be written
   */
  public CutoutSummary cut(Path map, Path catalog, CatalogColumns columns, Path outDir) {
    return cut(map, catalog, columns, outDir, null);
  }

  /**
   * Cuts the sources of one {@link Shard} (its block of the catalogue's rows, in their order) and
   * writes the shard's part of the datalist, {@code outDir/datalist.part-000I-of-000N.json};
   * cutouts go to the shared {@code outDir/frames} under the names one process gives them (names
   * are made unique over the whole catalogue). The parts merged in shard order are the datalist of
   * {@link #cut(Path, Path, CatalogColumns, Path)}. A shard that cuts nothing writes an empty part.
   * With a null shard this is {@link #cut(Path, Path, CatalogColumns, Path)}.
   */
  public CutoutSummary cut(
      Path map, Path catalog, CatalogColumns columns, Path outDir, Shard shard) {
    return cut(
        map,
        catalog,
        columns,
        outDir,
        shard,
        Shard.target(outDir.resolve(DATALIST), shard),
        shard == null);
  }

  /**
   * Cuts the sources of {@code shard} (all of them when null) as {@link #cut(Path, Path,
   * CatalogColumns, Path, Shard)} does, cutouts to {@code outDir/frames} under the names one
   * process gives them, but writes the datalist of its cutouts to {@code datalist} (anywhere;
   * cutouts outside its folder are listed by absolute path) and never fails for cutting nothing:
   * that is for the caller to judge, over all shards, with {@link #nothingCut}. Every shard reports
   * the run-wide warnings (a map without WCS, repeated names). Distributed runners (Spark) use it,
   * a block of catalogue rows per task.
   */
  public CutoutSummary cut(
      Path map, Path catalog, CatalogColumns columns, Path outDir, Shard shard, Path datalist) {
    return cut(map, catalog, columns, outDir, shard, datalist, false);
  }

  /**
   * Reads and checks the inputs as a run does before it cuts anything: the catalogue (its columns)
   * and the map, and the map's WCS when the catalogue needs one.
   *
   * @return the catalogue
   * @throws BadInputException naming the file, as {@link #cut(Path, Path, CatalogColumns, Path)}
   *     would fail for it
   */
  public static Catalog check(Path map, Path catalog, CatalogColumns columns) {
    Catalog cat = CatalogReader.read(catalog, columns);
    mapWcs(FitsReader.read(map), cat, new CutoutSummary());
    return cat;
  }

  private CutoutSummary cut(
      Path map,
      Path catalog,
      CatalogColumns columns,
      Path outDir,
      Shard shard,
      Path datalistFile,
      boolean wholeRun) {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(outDir, "outDir");
    Catalog cat = CatalogReader.read(catalog, columns);
    FitsImage image = FitsReader.read(map);
    CutoutSummary summary = new CutoutSummary();
    Wcs wcs = mapWcs(image, cat, summary);
    double degPerPixel = 1.0; // unused for pixel sizes, which is all a map without WCS gets
    if (wcs != null) {
      double[] scale = wcs.pixelScaleDeg();
      degPerPixel = Math.min(scale[0], scale[1]);
    }
    if (!cat.duplicateNames().isEmpty()) {
      summary.warn(
          catalog
              + ": names used more than once (their cutouts get -2, -3... suffixes): "
              + String.join(", ", cat.duplicateNames()));
    }
    Path frames = outDir.resolve(FRAMES);
    Path created = OutputFolders.firstMissing(frames);
    AtomicFiles.ensureDirectory(frames);
    Context ctx =
        new Context(
            image,
            wcs,
            frames,
            RelativePaths.from(outDir, image.source()),
            RelativePaths.from(outDir, cat.file()),
            summary);
    Set<String> usedStems = new HashSet<>();
    // Sources of other shards are planned too (their names reserved) but counted elsewhere.
    Context others =
        new Context(
            ctx.image, ctx.wcs, ctx.frames, ctx.mapPath, ctx.cataloguePath, new CutoutSummary());
    long sources = cat.sources().size();
    long index = 0;
    boolean committed = false;
    try (DatalistWriter datalist = DatalistWriter.open(datalistFile)) {
      progress.start(
          "cutting " + image.source().getFileName() + " around " + cat.size() + " sources",
          cat.size());
      try {
        List<Plan> batch = new ArrayList<>();
        long batchPixels = 0;
        for (CatalogSource source : cat.sources()) {
          if (shard != null && !shard.holds(index++, sources)) {
            plan(source, others, degPerPixel, usedStems);
            progress.advance(1);
            continue;
          }
          Plan plan = plan(source, ctx, degPerPixel, usedStems);
          if (plan == null) {
            progress.advance(1);
            continue;
          }
          long pixels = (long) plan.side * plan.side;
          if (!batch.isEmpty()
              && (batch.size() >= BATCH_SOURCES || batchPixels + pixels > BATCH_PIXELS)) {
            flush(batch, ctx, datalist);
            batchPixels = 0;
          }
          batch.add(plan);
          batchPixels += pixels;
        }
        flush(batch, ctx, datalist);
      } finally {
        progress.finish();
      }
      if (datalist.written() == 0 && wholeRun) {
        throw nothingCut(image.source(), cat, summary);
      }
      datalist.commit();
      committed = true;
    } finally {
      if (!committed) {
        OutputFolders.removeIfEmpty(frames, created);
      }
    }
    return summary;
  }

  /**
   * The one error of a run that wrote no cutout: why each source gave none, counted ({@code
   * summary}: the whole run's, all shards added up).
   */
  public static BadInputException nothingCut(Path map, Catalog cat, CutoutSummary summary) {
    if (cat.size() == 0) {
      return new BadInputException(
          map, "no cutout written: the catalogue " + cat.file() + " lists no source");
    }
    List<String> reasons = new ArrayList<>();
    summary.skipped().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(r -> reasons.add(r.getValue() + " " + r.getKey()));
    List<String> failures = summary.failures();
    if (!failures.isEmpty()) {
      reasons.add(failures.size() + " could not be written (first: " + failures.get(0) + ")");
    }
    return new BadInputException(
        map,
        "no cutout written for "
            + (cat.size() == 1 ? "the only source" : "the " + cat.size() + " sources")
            + " of "
            + cat.file()
            + ": "
            + String.join(", ", reasons));
  }

  /** What the run shares between sources. */
  private record Context(
      FitsImage image,
      Wcs wcs,
      Path frames,
      String mapPath,
      String cataloguePath,
      CutoutSummary summary) {}

  /** A cutout to make: the source, its file stem, its centre, its origin and side. */
  private record Plan(
      CatalogSource source, String stem, double cx, double cy, int x0, int y0, int side) {}

  /** The map's WCS, or null when it has none and the catalogue does not need one. */
  private static Wcs mapWcs(FitsImage image, Catalog cat, CutoutSummary summary) {
    try {
      return Wcs.fromHeader(image.header());
    } catch (WcsException e) {
      ResolvedColumns rc = cat.columns();
      boolean skyPositions = rc.position() == PositionKind.SKY;
      boolean angularSizes = rc.size() == SizeKind.AXES && rc.sizeUnit().isAngular();
      if (skyPositions || angularSizes) {
        String needs =
            skyPositions && angularSizes
                ? "sky positions and angular sizes"
                : skyPositions ? "sky positions" : "angular sizes";
        throw new BadInputException(
            image.source(),
            "no usable WCS ("
                + e.getMessage()
                + "), but the catalogue "
                + cat.file().getFileName()
                + " gives "
                + needs
                + "; give pixel positions and pixel sizes for this map",
            e);
      }
      summary.warn(
          image.source()
              + ": no usable WCS ("
              + e.getMessage()
              + "); cutouts have no sky coordinates");
      return null;
    }
  }

  /** Where and how large the source's cutout is, or null (counted as skipped) when it has none. */
  private Plan plan(CatalogSource source, Context ctx, double degPerPixel, Set<String> usedStems) {
    double cx;
    double cy;
    switch (source.position()) {
      case SourcePosition.Pixel p -> {
        cx = p.x();
        cy = p.y();
      }
      case SourcePosition.Sky s -> {
        double[] xy = ctx.wcs.skyToPixel(new SkyCoord(s.lonDeg(), s.latDeg(), CelestialFrame.ICRS));
        if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
          ctx.summary.skipped(NO_PROJECTION);
          return null;
        }
        cx = xy[0];
        cy = xy[1];
      }
    }
    double ix = Math.floor(cx + 0.5);
    double iy = Math.floor(cy + 0.5);
    if (ix < 0 || ix >= ctx.image.width() || iy < 0 || iy >= ctx.image.height()) {
      ctx.summary.skipped(OFF_MAP);
      return null;
    }
    long side = config.side(source.boxSidePixels(degPerPixel));
    if (!config.allows(side)) {
      ctx.summary.skipped("cutout larger than the maximum of " + config.maxSize() + " pixels");
      return null;
    }
    double half = (side - 1) / 2.0;
    int x0 = (int) Math.floor(cx - half + 0.5);
    int y0 = (int) Math.floor(cy - half + 0.5);
    return new Plan(source, FileStems.unique(source.name(), usedStems), cx, cy, x0, y0, (int) side);
  }

  /** Cuts a batch in parallel and lists the written cutouts in catalogue order. */
  private void flush(List<Plan> batch, Context ctx, DatalistWriter datalist) {
    List<DatalistEntry> entries = batch.parallelStream().map(p -> cutOne(p, ctx)).toList();
    for (DatalistEntry e : entries) {
      if (e != null) {
        datalist.write(e);
      }
    }
    batch.clear();
  }

  private DatalistEntry cutOne(Plan p, Context ctx) {
    try {
      Plane cutout = Pixels.window(ctx.image.plane(), p.x0, p.y0, p.side, p.side);
      if (!Pixels.anyValid(cutout.data())) {
        ctx.summary.skipped(ALL_BLANK);
        return null;
      }
      if (config.maxBlankFraction() < 1
          && Pixels.invalidFraction(cutout) > config.maxBlankFraction()) {
        ctx.summary.skipped("more than " + percent(config.maxBlankFraction()) + " blank");
        return null;
      }
      Path file = ctx.frames.resolve(p.stem + ".fits");
      try {
        FitsWriter.write(
            file,
            cutout,
            FitsCards.from(ctx.image.header())
                .shifted(ctx.image.header(), p.x0, p.y0)
                .history(
                    "radioclr banner cutout "
                        + p.side
                        + "x"
                        + p.side
                        + " at x0="
                        + p.x0
                        + " y0="
                        + p.y0
                        + " of "
                        + ctx.image.source().getFileName()
                        + " around "
                        + p.source.name()));
      } catch (RadioclrException e) {
        ctx.summary.failed(e.getMessage());
        return null;
      }
      ctx.summary.wrote();
      return entry(p, ctx, file, cutout);
    } finally {
      progress.advance(1);
    }
  }

  private static String percent(double fraction) {
    return java.math.BigDecimal.valueOf(fraction)
            .movePointRight(2)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  private static DatalistEntry entry(Plan p, Context ctx, Path file, Plane cutout) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("map", ctx.mapPath);
    extras.put("catalogue", ctx.cataloguePath);
    extras.put("row", p.source.row());
    extras.put("x", p.cx);
    extras.put("y", p.cy);
    extras.put("x0", p.x0);
    extras.put("y0", p.y0);
    extras.put("size", p.side);
    if (ctx.wcs != null) {
      double half = (p.side - 1) / 2.0;
      SkyCoord c = ctx.wcs.pixelToSky(p.x0 + half, p.y0 + half).to(CelestialFrame.ICRS);
      if (c.isValid()) {
        extras.put("ra", c.lon());
        extras.put("dec", c.lat());
      }
    }
    extras.put("rms", NoiseEstimate.rms(cutout));
    List<String> labels = p.source.label().map(List::of).orElse(List.of());
    return new DatalistEntry(List.of(file), p.source.name(), List.of(), labels, extras);
  }
}
