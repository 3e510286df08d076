package org.radioclr.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.catalog.SizeUnit;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.cutout.BannerCutter;
import org.radioclr.core.cutout.CutoutSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr cutouts banner}: one cutout per catalogued source. */
@Command(
    name = "banner",
    mixinStandardHelpOptions = true,
    description = {
      "Source-centred cutouts: one per catalogue row, centred on the source, side = --scale x"
          + " the source's bounding-box size (at least --min-size), padded with blanks off the"
          + " map. The catalogue is CSV, VOTable or a FITS table; columns are found by their"
          + " usual names (name, ra/dec in deg or x/y in pixels, xmin/xmax/ymin/ymax or a major"
          + " axis) unless named with the options below.",
      "Writes DIR/frames/*.fits and DIR/datalist.json (label from the catalogue when it has one);"
          + " with --shard I/N, the block of catalogue rows of shard I and"
          + " DIR/datalist.part-000I-of-000N.json."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr cutouts banner mosaic.fits --catalog sources.csv --out banner",
      "  radioclr cutouts banner mosaic.fits --catalog cat.vot --size-cols Maj,Min"
          + " --size-unit arcsec --label-col class --out banner",
      "  radioclr cutouts banner map.fits --catalog islands.fits --position box"
          + " --box-cols x_min,x_max,y_min,y_max --out banner"
    })
final class BannerCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MAP.fits", description = "The survey map.")
  Path map;

  @Option(
      names = "--catalog",
      required = true,
      paramLabel = "CAT",
      description = "Source catalogue.")
  Path catalog;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--scale", paramLabel = "F", description = "Side over box size (default: 1.5).")
  double scale = BannerConfig.PAPER.scale();

  @Option(names = "--min-size", paramLabel = "PIX", description = "Smallest side (default: 32).")
  int minSize = BannerConfig.PAPER.minSize();

  @Option(
      names = "--max-size",
      paramLabel = "PIX",
      description = "Sources needing a larger cutout are skipped (default: 4096).")
  int maxSize = BannerConfig.PAPER.maxSize();

  @Option(
      names = "--max-blank",
      paramLabel = "F",
      description =
          "Skip cutouts with a larger fraction of blank/NaN pixels (off the map or on its blank"
              + " border); default: 1, keep every cutout with data. 0.3 keeps only what the"
              + " pre-processing accepts.")
  double maxBlank = BannerConfig.PAPER.maxBlankFraction();

  @Option(
      names = "--position",
      paramLabel = "KIND",
      description =
          "sky (RA/Dec, deg), pixel (x/y) or box (centre of the pixel box); default: found.")
  String position;

  @Option(names = "--ra-col", paramLabel = "COL", description = "RA column (deg).")
  String raCol;

  @Option(names = "--dec-col", paramLabel = "COL", description = "Dec column (deg).")
  String decCol;

  @Option(names = "--x-col", paramLabel = "COL", description = "x pixel column.")
  String xCol;

  @Option(names = "--y-col", paramLabel = "COL", description = "y pixel column.")
  String yCol;

  @Option(
      names = "--pixel-origin",
      paramLabel = "0|1",
      description = "Pixel coordinate of the first pixel in the catalogue (default: 1, FITS/DS9).")
  Integer pixelOrigin;

  @Option(
      names = "--size-cols",
      split = ",",
      paramLabel = "MAJOR[,MINOR]",
      description = "Full major (and minor) axis columns.")
  List<String> sizeCols;

  @Option(
      names = "--size-unit",
      paramLabel = "UNIT",
      description = "Unit of the size columns: arcsec (default), arcmin, deg or pixel.")
  String sizeUnit;

  @Option(
      names = "--box-cols",
      split = ",",
      paramLabel = "XMIN,XMAX,YMIN,YMAX",
      description = "Pixel bounding-box columns.")
  List<String> boxCols;

  @Option(names = "--no-size", description = "Ignore sizes: every cutout is --min-size.")
  boolean noSize;

  @Option(names = "--name-col", paramLabel = "COL", description = "Source name column.")
  String nameCol;

  @Option(names = "--label-col", paramLabel = "COL", description = "Label column.")
  String labelCol;

  @Option(names = "--no-label", description = "Do not read labels.")
  boolean noLabel;

  @Mixin ShardOption shard;

  @Override
  public Integer call() {
    BannerConfig config =
        BadOptionException.check(() -> new BannerConfig(scale, minSize, maxSize, maxBlank));
    CatalogColumns columns = BadOptionException.check(this::columns);
    CutoutSummary summary =
        new BannerCutter(config, ConsoleProgress.onStderr(spec.commandLine().getErr()))
            .cut(map, catalog, columns, out, shard.shard);
    return CutoutsCommand.report(spec.commandLine().getOut(), summary, out, shard.shard);
  }

  CatalogColumns columns() {
    CatalogColumns c = CatalogColumns.defaults();
    if (nameCol != null) {
      c = c.withName(nameCol);
    }
    String kind =
        position != null
            ? position
            : raCol != null || decCol != null
                ? "sky"
                : xCol != null || yCol != null ? "pixel" : null;
    if (kind != null) {
      c =
          switch (kind) {
            case "sky" -> c.withSky(raCol, decCol);
            case "pixel" -> c.withPixel(xCol, yCol);
            case "box" -> c.withBoxCentre();
            default ->
                throw new BadOptionException(
                    "--position must be sky, pixel or box, got '" + position + "'");
          };
    }
    if (pixelOrigin != null) {
      c = c.withPixelOrigin(pixelOrigin);
    }
    if (boxCols != null) {
      if (boxCols.size() != 4) {
        throw new BadOptionException(
            "--box-cols needs 4 columns XMIN,XMAX,YMIN,YMAX, got " + boxCols);
      }
      c = c.withBox(boxCols.get(0), boxCols.get(1), boxCols.get(2), boxCols.get(3));
    }
    if (sizeCols != null) {
      if (sizeCols.isEmpty() || sizeCols.size() > 2) {
        throw new BadOptionException("--size-cols needs MAJOR or MAJOR,MINOR, got " + sizeCols);
      }
      c = c.withAxes(sizeCols.get(0), sizeCols.size() == 2 ? sizeCols.get(1) : null);
    }
    if (sizeUnit != null) {
      c = c.withSizeUnit(SizeUnit.parse(sizeUnit));
    }
    if (noSize) {
      c = c.withoutSize();
    }
    if (labelCol != null) {
      c = c.withLabel(labelCol);
    }
    if (noLabel) {
      c = c.withoutLabel();
    }
    return c;
  }
}
