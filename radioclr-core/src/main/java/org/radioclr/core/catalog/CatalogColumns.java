package org.radioclr.core.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Which catalogue columns hold what. Column names are matched exactly, then ignoring case. A {@code
 * null} name means "find it": the first of the matching {@code *_CANDIDATES} present in the table
 * (case-insensitive).
 *
 * <ul>
 *   <li>name: {@link #NAME_CANDIDATES}; without one, sources are named {@code row1, row2, ...}.
 *   <li>position ({@link PositionKind}): sky {@code ra}/{@code dec} in degrees, or pixel {@code
 *       x}/{@code y} with {@code pixelOrigin} 1 (FITS/DS9, the default) or 0, or the centre of the
 *       pixel box.
 *   <li>size ({@link SizeKind}): a pixel box {@code xmin, xmax, ymin, ymax} (width {@code xmax -
 *       xmin}, same origin as positions), or a full major axis (and optional minor axis; the major
 *       axis when absent) in {@code sizeUnit} (default arcsec), or none.
 *   <li>label: {@link #LABEL_CANDIDATES} when {@code readLabel}; optional unless named.
 * </ul>
 *
 * <p>Start from {@link #defaults()} and change what the catalogue needs with the {@code with*}
 * methods, e.g. {@code defaults().withSky("RAJ2000", "DEJ2000").withAxes("LAS", null)}.
 */
public record CatalogColumns(
    String name,
    PositionKind position,
    String ra,
    String dec,
    String x,
    String y,
    int pixelOrigin,
    SizeKind size,
    String xmin,
    String xmax,
    String ymin,
    String ymax,
    String major,
    String minor,
    SizeUnit sizeUnit,
    String label,
    boolean readLabel)
    implements Serializable {

  public static final List<String> NAME_CANDIDATES =
      List.of(
          "name",
          "sname",
          "source_name",
          "id",
          "source_id",
          "object_id",
          "objname",
          "object",
          "iau_name",
          "designation",
          "island_id");
  public static final List<String> RA_CANDIDATES =
      List.of(
          "ra",
          "ra_deg",
          "raj2000",
          "ra_j2000",
          "_raj2000",
          "ra_icrs",
          "radeg",
          "ra_d",
          "ra_fit",
          "alpha_j2000");
  public static final List<String> DEC_CANDIDATES =
      List.of(
          "dec",
          "dec_deg",
          "dej2000",
          "decj2000",
          "dec_j2000",
          "_dej2000",
          "de_icrs",
          "dec_icrs",
          "decdeg",
          "dec_d",
          "dec_fit",
          "delta_j2000");
  public static final List<String> X_CANDIDATES =
      List.of("x", "x_pix", "xpix", "x_image", "xc", "x0");
  public static final List<String> Y_CANDIDATES =
      List.of("y", "y_pix", "ypix", "y_image", "yc", "y0");
  public static final List<String> XMIN_CANDIDATES =
      List.of("xmin", "x_min", "xmin_image", "bbox_xmin");
  public static final List<String> XMAX_CANDIDATES =
      List.of("xmax", "x_max", "xmax_image", "bbox_xmax");
  public static final List<String> YMIN_CANDIDATES =
      List.of("ymin", "y_min", "ymin_image", "bbox_ymin");
  public static final List<String> YMAX_CANDIDATES =
      List.of("ymax", "y_max", "ymax_image", "bbox_ymax");
  public static final List<String> MAJOR_CANDIDATES =
      List.of("maj", "major", "major_axis", "maj_axis", "size", "las", "angular_size");
  public static final List<String> MINOR_CANDIDATES =
      List.of("min", "minor", "minor_axis", "min_axis");
  public static final List<String> LABEL_CANDIDATES =
      List.of("label", "class", "morph_label", "morphology");

  public CatalogColumns {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(sizeUnit, "sizeUnit");
    if (pixelOrigin != 0 && pixelOrigin != 1) {
      throw new IllegalArgumentException("pixelOrigin must be 0 or 1, got " + pixelOrigin);
    }
    requireNameOrNull("name", name);
    requireNameOrNull("ra", ra);
    requireNameOrNull("dec", dec);
    requireNameOrNull("x", x);
    requireNameOrNull("y", y);
    requireNameOrNull("xmin", xmin);
    requireNameOrNull("xmax", xmax);
    requireNameOrNull("ymin", ymin);
    requireNameOrNull("ymax", ymax);
    requireNameOrNull("major", major);
    requireNameOrNull("minor", minor);
    requireNameOrNull("label", label);
    if (!readLabel && label != null) {
      throw new IllegalArgumentException(
          "label column '" + label + "' given but readLabel is false");
    }
    name = trim(name);
    ra = trim(ra);
    dec = trim(dec);
    x = trim(x);
    y = trim(y);
    xmin = trim(xmin);
    xmax = trim(xmax);
    ymin = trim(ymin);
    ymax = trim(ymax);
    major = trim(major);
    minor = trim(minor);
    label = trim(label);
  }

  /** Everything found automatically, pixel origin 1, sizes in arcsec, labels read when present. */
  public static CatalogColumns defaults() {
    return new Edit().build();
  }

  /** The name column ({@code null}: find it). */
  public CatalogColumns withName(String column) {
    Edit e = edit();
    e.name = column;
    return e.build();
  }

  /** Sky positions from these columns, degrees ({@code null}: find it). */
  public CatalogColumns withSky(String raColumn, String decColumn) {
    Edit e = edit();
    e.position = PositionKind.SKY;
    e.ra = raColumn;
    e.dec = decColumn;
    return e.build();
  }

  /** Pixel positions from these columns ({@code null}: find it). */
  public CatalogColumns withPixel(String xColumn, String yColumn) {
    Edit e = edit();
    e.position = PositionKind.PIXEL;
    e.x = xColumn;
    e.y = yColumn;
    return e.build();
  }

  /** Positions at the centres of the pixel boxes. */
  public CatalogColumns withBoxCentre() {
    Edit e = edit();
    e.position = PositionKind.BOX_CENTRE;
    return e.build();
  }

  /** The origin of pixel coordinates in the catalogue: 1 (FITS, DS9) or 0. */
  public CatalogColumns withPixelOrigin(int origin) {
    Edit e = edit();
    e.pixelOrigin = origin;
    return e.build();
  }

  /** Sizes from a pixel bounding box ({@code null}: find it). */
  public CatalogColumns withBox(
      String xminColumn, String xmaxColumn, String yminColumn, String ymaxColumn) {
    Edit e = edit();
    e.size = SizeKind.BOX;
    e.xmin = xminColumn;
    e.xmax = xmaxColumn;
    e.ymin = yminColumn;
    e.ymax = ymaxColumn;
    return e.build();
  }

  /**
   * Sizes from major and minor axis columns ({@code null}: find it; a minor axis not found is taken
   * equal to the major axis).
   */
  public CatalogColumns withAxes(String majorColumn, String minorColumn) {
    Edit e = edit();
    e.size = SizeKind.AXES;
    e.major = majorColumn;
    e.minor = minorColumn;
    return e.build();
  }

  /** The unit of the axis columns. */
  public CatalogColumns withSizeUnit(SizeUnit unit) {
    Edit e = edit();
    e.sizeUnit = unit;
    return e.build();
  }

  /** No sizes: every source gets {@link SourceSize.Unknown}. */
  public CatalogColumns withoutSize() {
    Edit e = edit();
    e.size = SizeKind.NONE;
    return e.build();
  }

  /** Labels from this column ({@code null}: find one, optional). */
  public CatalogColumns withLabel(String column) {
    Edit e = edit();
    e.label = column;
    e.readLabel = true;
    return e.build();
  }

  /** Read no labels, even if a label column exists. */
  public CatalogColumns withoutLabel() {
    Edit e = edit();
    e.label = null;
    e.readLabel = false;
    return e.build();
  }

  private Edit edit() {
    Edit e = new Edit();
    e.name = name;
    e.position = position;
    e.ra = ra;
    e.dec = dec;
    e.x = x;
    e.y = y;
    e.pixelOrigin = pixelOrigin;
    e.size = size;
    e.xmin = xmin;
    e.xmax = xmax;
    e.ymin = ymin;
    e.ymax = ymax;
    e.major = major;
    e.minor = minor;
    e.sizeUnit = sizeUnit;
    e.label = label;
    e.readLabel = readLabel;
    return e;
  }

  /** A mutable copy for the {@code with*} methods; starts at the defaults. */
  private static final class Edit {
    String name;
    PositionKind position = PositionKind.AUTO;
    String ra;
    String dec;
    String x;
    String y;
    int pixelOrigin = 1;
    SizeKind size = SizeKind.AUTO;
    String xmin;
    String xmax;
    String ymin;
    String ymax;
    String major;
    String minor;
    SizeUnit sizeUnit = SizeUnit.ARCSEC;
    String label;
    boolean readLabel = true;

    CatalogColumns build() {
      return new CatalogColumns(
          name,
          position,
          ra,
          dec,
          x,
          y,
          pixelOrigin,
          size,
          xmin,
          xmax,
          ymin,
          ymax,
          major,
          minor,
          sizeUnit,
          label,
          readLabel);
    }
  }

  private static void requireNameOrNull(String what, String column) {
    if (column != null && column.isBlank()) {
      throw new IllegalArgumentException(
          what + " column name must be non-blank or null (find it), got '" + column + "'");
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
