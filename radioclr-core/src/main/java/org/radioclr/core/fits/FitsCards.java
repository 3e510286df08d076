package org.radioclr.core.fits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.HeaderCardException;
import nom.tam.util.Cursor;

/**
 * The header cards {@link FitsWriter} puts in a file, beyond the structural ones it writes itself:
 * the cards copied from a template header, the caller's overrides, and HISTORY lines.
 *
 * <p>{@link #from(Header)} copies every keyed card of the template (WCS, beam, BUNIT, OBJECT,
 * TELESCOP, DATE-OBS, frequency, survey cards...) except the structural ones that describe the old
 * data unit ({@code SIMPLE, XTENSION, BITPIX, NAXIS*, EXTEND, PCOUNT, GCOUNT, BSCALE, BZERO, BLANK,
 * DATAMIN, DATAMAX, CHECKSUM, DATASUM, EXTNAME...}), the tiled-compression {@code Z*} cards,
 * binary-table column cards, and commentary (COMMENT, HISTORY, blank cards). Copied string values
 * and comments have illegal characters (such as TABs) replaced. When a cube is written, the
 * template's axis 3 and 4 description cards ({@code CTYPE3, CRVAL3, PC3_3, ...}) are dropped too,
 * because axis 3 becomes the channel axis; cards {@link #set set} by the caller are always kept.
 *
 * <p>Use it as a small builder: {@code FitsCards.from(image.header()).set("CRPIX1",
 * 12.5).history("cutout 64x64 at x=100, y=200")}. Not thread-safe.
 */
public final class FitsCards {
  private static final Pattern STRUCTURAL =
      Pattern.compile(
          "SIMPLE|XTENSION|BITPIX|NAXIS\\d*|EXTEND|PCOUNT|GCOUNT|GROUPS|BSCALE|BZERO|BLANK"
              + "|DATAMIN|DATAMAX|CHECKSUM|DATASUM|END|EXTNAME|EXTVER|EXTLEVEL|INHERIT|THEAP"
              + "|TFIELDS|T(TYPE|FORM|UNIT|NULL|SCAL|ZERO|DIM|DISP)\\d+"
              + "|ZIMAGE|ZCMPTYPE|ZBITPIX|ZNAXIS\\d*|ZTILE\\d+|ZNAME\\d+|ZVAL\\d+|ZMASKCMP"
              + "|ZSIMPLE|ZTENSION|ZEXTEND|ZBLOCKED|ZPCOUNT|ZGCOUNT|ZHECKSUM|ZDATASUM"
              + "|ZQUANTIZ|ZDITHER0|ZBLANK|ZSCALE|ZZERO|RCLRVER");

  /** WCS cards describing axis 3 or 4 (with an optional alternate-WCS letter). */
  private static final Pattern AXIS_34 =
      Pattern.compile(
          "(?:(?:CTYPE|CRVAL|CRPIX|CDELT|CUNIT|CROTA|CRDER|CSYER|CNAME)[34]"
              + "|PC0*[34]_0*\\d+|PC0*\\d+_0*[34]|CD0*[34]_0*\\d+|CD0*\\d+_0*[34]"
              + "|P[VS]0*[34]_0*\\d+|WCSAXES)[A-Z]?");

  /** Characters of text nom-tam puts on one HISTORY card. */
  private static final int HISTORY_WIDTH = HeaderCard.MAX_COMMENT_CARD_COMMENT_LENGTH;

  private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9_-]{1,8}");

  private final Map<String, HeaderCard> template = new LinkedHashMap<>();
  private final Map<String, HeaderCard> overrides = new LinkedHashMap<>();
  private final List<String> history = new ArrayList<>();

  private FitsCards() {}

  /** No cards yet. */
  public static FitsCards create() {
    return new FitsCards();
  }

  /** The sensible cards of {@code template} (see the class comment). */
  public static FitsCards from(Header template) {
    FitsCards cards = new FitsCards();
    Cursor<String, HeaderCard> it = template.iterator();
    while (it.hasNext()) {
      HeaderCard card = it.next();
      String key = card.getKey();
      if (key == null
          || key.isBlank()
          || card.isCommentStyleCard()
          || !card.isKeyValuePair()
          || STRUCTURAL.matcher(key).matches()) {
        continue;
      }
      cards.template.put(key, clean(card.copy()));
    }
    return cards;
  }

  /** The sensible cards of the header of {@code image}. */
  public static FitsCards from(FitsImage image) {
    return from(image.header());
  }

  /** Sets a numeric card (a new card, or replacing the template's). */
  public FitsCards set(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " must be a finite number, got " + value);
    }
    return put(key, () -> new HeaderCard(key, value));
  }

  /** Sets an integer card. */
  public FitsCards set(String key, long value) {
    return put(key, () -> new HeaderCard(key, value));
  }

  /** Sets a logical card. */
  public FitsCards set(String key, boolean value) {
    return put(key, () -> new HeaderCard(key, value));
  }

  /**
   * Sets a string card (a value longer than one card uses the CONTINUE long-string convention; a
   * TAB becomes a space, other characters FITS does not allow become {@code ?}).
   */
  public FitsCards set(String key, String value) {
    Objects.requireNonNull(value, "value");
    return put(key, () -> new HeaderCard(key, sanitize(value)));
  }

  /** Removes a card, from the template or set earlier. */
  public FitsCards remove(String key) {
    checkKey(key);
    template.remove(key);
    overrides.remove(key);
    return this;
  }

  /** Sets {@code BMAJ}, {@code BMIN} and {@code BPA} (degrees). */
  public FitsCards beam(Beam beam) {
    return set("BMAJ", beam.major()).set("BMIN", beam.minor()).set("BPA", beam.positionAngle());
  }

  /**
   * Sets a gnomonic (TAN) sky WCS in ICRS: pixel {@code (crpix1, crpix2)} (1-based FITS pixel
   * coordinates) is at {@code (raDeg, decDeg)}, pixels are {@code pixelDeg} square with RA growing
   * to the left. Handy to make test images.
   */
  public FitsCards tanSky(
      double raDeg, double decDeg, double crpix1, double crpix2, double pixelDeg) {
    if (!(pixelDeg > 0)) {
      throw new IllegalArgumentException("pixel size must be > 0 degrees, got " + pixelDeg);
    }
    return set("CTYPE1", "RA---TAN")
        .set("CTYPE2", "DEC--TAN")
        .set("CRVAL1", raDeg)
        .set("CRVAL2", decDeg)
        .set("CRPIX1", crpix1)
        .set("CRPIX2", crpix2)
        .set("CDELT1", -pixelDeg)
        .set("CDELT2", pixelDeg)
        .set("CUNIT1", "deg")
        .set("CUNIT2", "deg")
        .set("RADESYS", "ICRS");
  }

  /**
   * Moves the WCS of {@code template} (the header of a map) onto a cutout whose pixel {@code (0,
   * 0)} is the map's pixel {@code (x0, y0)}: the reference pixel moves by {@code (-x0, -y0)}. A WCS
   * without {@code CRPIXi} has it at 0, the FITS default, which moves likewise.
   */
  public FitsCards shifted(Header template, int x0, int y0) {
    int[] shift = {x0, y0};
    for (int i = 1; i <= 2; i++) {
      OptionalDouble crpix = crpix(template, i);
      if (crpix.isPresent()) {
        set("CRPIX" + i, crpix.getAsDouble() - shift[i - 1]);
      }
    }
    return this;
  }

  /**
   * {@code CRPIXi} of {@code template}; 0.0, the FITS default, when a WCS (a {@code CTYPE1} or
   * {@code CTYPE2}) is there without it, so the moved or resampled image keeps the same sky; empty
   * without a WCS.
   */
  private static OptionalDouble crpix(Header template, int i) {
    if (template.containsKey("CRPIX" + i)) {
      return OptionalDouble.of(template.getDoubleValue("CRPIX" + i));
    }
    return hasWcs(template) ? OptionalDouble.of(0.0) : OptionalDouble.empty();
  }

  private static boolean hasWcs(Header template) {
    return template.containsKey("CTYPE1") || template.containsKey("CTYPE2");
  }

  /**
   * Moves the WCS of {@code template} (the header of the image before resampling) onto an image
   * resampled by {@code fx} and {@code fy} output pixels per input pixel along axes 1 and 2, with
   * the pixel grids' outer edges aligned (as the pre-processing resize does): {@code CRPIXi}
   * becomes {@code (CRPIXi - 0.5) * f + 0.5} and {@code CDELTi}, or the {@code CDi_j} of pixel axis
   * j, are divided by the factor. A WCS (a {@code CTYPE1} or {@code CTYPE2}) without {@code
   * CRPIXi}, or without {@code CDELTi} and a CD matrix, has the FITS defaults 0 and 1 resampled;
   * other cards the template lacks are left out.
   */
  public FitsCards resampled(Header template, double fx, double fy) {
    double[] f = {fx, fy};
    boolean cdMatrix = false;
    for (String cd : List.of("CD1_1", "CD1_2", "CD2_1", "CD2_2")) {
      cdMatrix |= template.containsKey(cd);
    }
    for (int i = 1; i <= 2; i++) {
      double fi = f[i - 1];
      OptionalDouble crpix = crpix(template, i);
      if (crpix.isPresent()) {
        set("CRPIX" + i, (crpix.getAsDouble() - 0.5) * fi + 0.5);
      }
      if (template.containsKey("CDELT" + i)) {
        set("CDELT" + i, template.getDoubleValue("CDELT" + i) / fi);
      } else if (hasWcs(template) && !cdMatrix) {
        set("CDELT" + i, 1.0 / fi); // the FITS default of 1, resampled
      }
      for (int row = 1; row <= 2; row++) {
        String cd = "CD" + row + "_" + i;
        if (template.containsKey(cd)) {
          set(cd, template.getDoubleValue(cd) / fi);
        }
      }
    }
    return this;
  }

  /**
   * Adds a HISTORY line; a line longer than a card (71 characters) is cut into several HISTORY
   * cards, a TAB becomes a space and other characters FITS does not allow become {@code ?}.
   */
  public FitsCards history(String line) {
    history.add(sanitize(Objects.requireNonNull(line, "line")));
    return this;
  }

  /**
   * Appends the cards to {@code header}: template cards (less axis 3/4 ones for a cube) with the
   * overrides applied in place, new overrides, {@code RCLRVER}, then the HISTORY lines.
   */
  void appendTo(Header header, boolean cube, String version) {
    Map<String, HeaderCard> cards = new LinkedHashMap<>();
    for (Map.Entry<String, HeaderCard> e : template.entrySet()) {
      String key = e.getKey();
      if (overrides.containsKey(key)) {
        cards.put(key, overrides.get(key)); // in the template's place
      } else if (!(cube && AXIS_34.matcher(key).matches())) {
        cards.put(key, e.getValue());
      }
    }
    cards.putAll(overrides);
    for (HeaderCard card : cards.values()) {
      header.addLine(card.copy());
    }
    header.addLine(new HeaderCard("RCLRVER", version, "radioclr version"));
    for (String line : history) {
      for (int start = 0; start < line.length() || start == 0; start += HISTORY_WIDTH) {
        String chunk = line.substring(start, Math.min(line.length(), start + HISTORY_WIDTH));
        header.addLine(HeaderCard.createHistoryCard(chunk));
      }
    }
  }

  @FunctionalInterface
  private interface CardMaker {
    HeaderCard make() throws HeaderCardException;
  }

  private FitsCards put(String key, CardMaker maker) {
    checkKey(key);
    if (STRUCTURAL.matcher(key).matches()) {
      throw new IllegalArgumentException(key + " is written by FitsWriter, not by the caller");
    }
    try {
      overrides.put(key, maker.make());
    } catch (HeaderCardException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot make FITS card " + key + ": " + e.getMessage(), e);
    }
    return this;
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (!KEYWORD.matcher(key).matches() || key.equals("COMMENT") || key.equals("HISTORY")) {
      throw new IllegalArgumentException(
          "FITS keyword must be 1-8 characters of A-Z, 0-9, '-' or '_', got '" + key + "'");
    }
  }

  /** Replaces characters FITS does not allow (TAB, non-ASCII) in the value and comment. */
  private static HeaderCard clean(HeaderCard card) {
    String comment = card.getComment();
    if (comment != null && !legal(comment)) {
      card.setComment(sanitize(comment));
    }
    if (card.isStringValue()) {
      String value = card.getValue();
      if (value != null && !legal(value)) {
        card.setValue(sanitize(value));
      }
    }
    return card;
  }

  /** TAB becomes a space, other characters outside printable ASCII become {@code ?}. */
  static String sanitize(String s) {
    if (legal(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c == '\t' ? ' ' : HeaderCard.isValidChar(c) ? c : '?');
    }
    return b.toString();
  }

  private static boolean legal(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!HeaderCard.isValidChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
