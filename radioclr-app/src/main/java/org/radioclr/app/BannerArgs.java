package org.radioclr.app;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.catalog.SizeUnit;
import org.radioclr.core.cutout.BannerConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The map, catalogue, output folder, cutout sizes and catalogue columns of {@code cutouts banner}
 * (also {@code spark cutouts banner}).
 */
public final class BannerArgs {
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

  /** The survey map. */
  public Path map() {
    return map;
  }

  /** The source catalogue. */
  public Path catalog() {
    return catalog;
  }

  /** The output folder. */
  public Path out() {
    return out;
  }

  /**
   * The cutout sizes and blank limit.
   *
   * @throws BadOptionException for a value out of range
   */
  public BannerConfig config() {
    return BadOptionException.check(() -> new BannerConfig(scale, minSize, maxSize, maxBlank));
  }

  /**
   * Which catalogue columns hold what.
   *
   * @throws BadOptionException for an unknown --position or a wrong number of columns
   */
  public CatalogColumns columns() {
    return BadOptionException.check(this::readColumns);
  }

  private CatalogColumns readColumns() {
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
