package org.radioclr.core.wcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;

/**
 * Reads the celestial WCS of image axes 1 and 2 from a FITS header into a {@link Wcs}, following
 * the keyword rules of Papers I and II and the defaults wcslib applies. Any other axes (FREQ,
 * STOKES) are ignored, even when described beyond NAXIS. Alternate descriptions ({@code CTYPE1A})
 * are not read.
 */
final class WcsHeaderReader {
  private WcsHeaderReader() {}

  /** Projection codes this package implements. */
  static final Set<String> SUPPORTED =
      Set.of("SIN", "NCP", "TAN", "ARC", "STG", "ZEA", "CAR", "AIT");

  /** A FITS integer or real value (the exponent may be written with D). */
  private static final Pattern FITS_NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([EeDd][+-]?\\d+)?");

  private static final String SUPPORTED_LIST = "SIN, NCP, TAN, ARC, STG, ZEA, CAR, AIT";

  /** One parsed CTYPE: axis name (RA, DEC, GLON, GLAT), projection code, and its role. */
  record AxisType(int axis, String ctype, String name, String code, boolean longitude) {
    boolean galactic() {
      return name.startsWith("G");
    }
  }

  /** The celestial axis pair of axes 1 and 2, longitude first. */
  record AxisPair(AxisType lon, AxisType lat) {
    boolean lonFirst() {
      return lon.axis() == 1;
    }
  }

  /** Parses and checks CTYPE1 and CTYPE2 only. */
  static AxisPair axisPair(Header h) {
    AxisType a1 = axisType(h, 1);
    AxisType a2 = axisType(h, 2);
    if (a1.longitude() == a2.longitude() || a1.galactic() != a2.galactic()) {
      throw new WcsException(
          "CTYPE1 '"
              + a1.ctype()
              + "' and CTYPE2 '"
              + a2.ctype()
              + "' are not a longitude/latitude pair of one celestial system");
    }
    if (!a1.code().equals(a2.code())) {
      throw new WcsException(
          "CTYPE1 '" + a1.ctype() + "' and CTYPE2 '" + a2.ctype() + "' name different projections");
    }
    return a1.longitude() ? new AxisPair(a1, a2) : new AxisPair(a2, a1);
  }

  private static AxisType axisType(Header h, int axis) {
    String key = "CTYPE" + axis;
    String ctype = string(h, key);
    if (ctype == null) {
      throw new WcsException("no celestial WCS: " + key + " is missing");
    }
    ctype = ctype.strip();
    String name = ctype.length() >= 4 ? stripDashes(ctype.substring(0, 4)) : stripDashes(ctype);
    boolean longitude;
    switch (name) {
      case "RA", "GLON" -> longitude = true;
      case "DEC", "GLAT" -> longitude = false;
      case "ELON", "ELAT", "SLON", "SLAT", "HPLN", "HPLT", "TLON", "TLAT" ->
          throw new WcsException(
              key + " '" + ctype + "': celestial system '" + name + "' is not supported");
      default ->
          throw new WcsException(
              "no celestial WCS: axis " + axis + " is not celestial (" + key + " '" + ctype + "')");
    }
    if (ctype.length() < 8 || ctype.charAt(4) != '-') {
      throw new WcsException(key + " '" + ctype + "' has no projection code");
    }
    String code = ctype.substring(5, 8);
    String suffix = ctype.substring(8).strip();
    if (!suffix.isEmpty()) {
      throw new WcsException(
          key + " '" + ctype + "': distortion suffix '" + suffix + "' is not supported");
    }
    if (!SUPPORTED.contains(code)) {
      throw new WcsException(
          "unsupported projection code '"
              + code
              + "' in "
              + key
              + " '"
              + ctype
              + "' (supported: "
              + SUPPORTED_LIST
              + ")");
    }
    return new AxisType(axis, ctype, name, code, longitude);
  }

  private static String stripDashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(0, end);
  }

  /** Reads the whole celestial WCS. */
  static Wcs read(Header h) {
    AxisPair pair = axisPair(h);
    int lonAxis = pair.lon().axis();
    int latAxis = pair.lat().axis();
    String code = pair.lon().code();

    List<String> defaults = new ArrayList<>();
    double[] unit = {unitToDegrees(h, 1), unitToDegrees(h, 2)};
    double crpix1 = orDefault(h, "CRPIX1", 0.0, defaults);
    double crpix2 = orDefault(h, "CRPIX2", 0.0, defaults);
    double crvalLon = orDefault(h, "CRVAL" + lonAxis, 0.0, defaults) * unit[lonAxis - 1];
    double crvalLat = orDefault(h, "CRVAL" + latAxis, 0.0, defaults) * unit[latAxis - 1];
    if (crvalLat < -90.0 || crvalLat > 90.0) {
      throw new WcsException(
          "CRVAL" + latAxis + " latitude " + crvalLat + " deg is outside [-90, 90]");
    }

    double[] cd = linearMatrix(h, latAxis, defaults);
    // CUNIT scales world axis i: row i of the matrix.
    cd[0] *= unit[0];
    cd[1] *= unit[0];
    cd[2] *= unit[1];
    cd[3] *= unit[1];
    double det = cd[0] * cd[3] - cd[1] * cd[2];
    double size = Math.abs(cd[0] * cd[3]) + Math.abs(cd[1] * cd[2]);
    if (!(Math.abs(det) > 1.0e-14 * size) || !Double.isFinite(det)) {
      throw new WcsException(
          "singular pixel-to-world matrix for axes 1 and 2 (determinant "
              + det
              + "; check CDELT, PC, CD)");
    }

    double lonpole = number(h, "LONPOLE");
    double latpole = number(h, "LATPOLE");
    if (Double.isNaN(lonpole)) {
      lonpole = number(h, "PV" + lonAxis + "_3");
    }
    if (Double.isNaN(latpole)) {
      latpole = number(h, "PV" + lonAxis + "_4");
    }
    for (int m = 1; m <= 2; m++) {
      double offset = number(h, "PV" + lonAxis + "_" + m);
      if (!Double.isNaN(offset) && offset != 0.0) {
        throw new WcsException(
            "PV" + lonAxis + "_" + m + " (fiducial point offset) is not supported");
      }
    }

    Projection projection = projection(h, code, latAxis, crvalLat);
    SphericalRotation rotation =
        SphericalRotation.of(crvalLon, crvalLat, projection.theta0Deg(), lonpole, latpole);
    CelestialFrame frame = frame(h, pair);
    return new Wcs(
        code,
        frame,
        pair.lonFirst(),
        crpix1,
        crpix2,
        cd,
        crvalLon,
        crvalLat,
        projection,
        rotation,
        defaults);
  }

  private static Projection projection(Header h, String code, int latAxis, double crvalLat) {
    return switch (code) {
      case "TAN" -> new Projection.Tan();
      case "ARC" -> new Projection.Arc();
      case "STG" -> new Projection.Stg();
      case "ZEA" -> new Projection.Zea();
      case "CAR" -> new Projection.Car();
      case "AIT" -> new Projection.Ait();
      case "SIN" -> {
        double xi = number(h, "PV" + latAxis + "_1");
        double eta = number(h, "PV" + latAxis + "_2");
        xi = Double.isNaN(xi) ? 0.0 : xi;
        eta = Double.isNaN(eta) ? 0.0 : eta;
        yield xi == 0.0 && eta == 0.0 ? new Projection.Sin() : new Projection.SlantSin(xi, eta);
      }
      case "NCP" -> {
        // Old radio NCP = SIN with xi = 0, eta = cot(delta0), as wcslib translates it.
        double s = SphericalRotation.sind(crvalLat);
        if (s == 0.0) {
          throw new WcsException("NCP projection is undefined for a reference on the equator");
        }
        yield new Projection.SlantSin(0.0, SphericalRotation.cosd(crvalLat) / s);
      }
      default -> throw new IllegalStateException("unhandled projection " + code);
    };
  }

  /**
   * The 2x2 linear part as a CD matrix {m11, m12, m21, m22} (world axis i, pixel axis j), before
   * CUNIT scaling. Precedence as in wcslib: PCi_j (with CDELTi), then CDi_j, then CDELTi with
   * CROTA2 (the latitude axis's CROTA).
   */
  private static double[] linearMatrix(Header h, int latAxis, List<String> defaults) {
    boolean hasPc = false;
    boolean hasCd = false;
    for (int i = 1; i <= 2; i++) {
      for (int j = 1; j <= 2; j++) {
        hasPc |= h.containsKey("PC" + i + "_" + j);
        hasCd |= h.containsKey("CD" + i + "_" + j);
      }
    }
    if (hasCd && !hasPc) {
      double[] cd = new double[4];
      for (int i = 1; i <= 2; i++) {
        for (int j = 1; j <= 2; j++) {
          double v = number(h, "CD" + i + "_" + j);
          cd[(i - 1) * 2 + (j - 1)] = Double.isNaN(v) ? 0.0 : v;
        }
      }
      return cd;
    }
    double cdelt1 = cdelt(h, 1, defaults);
    double cdelt2 = cdelt(h, 2, defaults);
    double[] pc = {1.0, 0.0, 0.0, 1.0};
    if (hasPc) {
      for (int i = 1; i <= 2; i++) {
        for (int j = 1; j <= 2; j++) {
          double v = number(h, "PC" + i + "_" + j);
          if (!Double.isNaN(v)) {
            pc[(i - 1) * 2 + (j - 1)] = v;
          }
        }
      }
    } else {
      int lonAxis = 3 - latAxis;
      double rho = number(h, "CROTA" + latAxis);
      if (Double.isNaN(rho)) {
        rho = number(h, "CROTA" + lonAxis);
      }
      if (!Double.isNaN(rho) && rho != 0.0) {
        double c = SphericalRotation.cosd(rho);
        double s = SphericalRotation.sind(rho);
        double[] cdelt = {cdelt1, cdelt2};
        double lambda = cdelt[latAxis - 1] / cdelt[lonAxis - 1];
        int lo = lonAxis - 1;
        int la = latAxis - 1;
        pc[lo * 2 + lo] = c;
        pc[lo * 2 + la] = -lambda * s;
        pc[la * 2 + lo] = s / lambda;
        pc[la * 2 + la] = c;
      }
    }
    return new double[] {cdelt1 * pc[0], cdelt1 * pc[1], cdelt2 * pc[2], cdelt2 * pc[3]};
  }

  /** CDELTn, 1.0 (the FITS default) when absent. */
  private static double cdelt(Header h, int axis, List<String> defaults) {
    double v = orDefault(h, "CDELT" + axis, 1.0, defaults);
    if (v == 0.0) {
      throw new WcsException("CDELT" + axis + " is 0 (singular pixel-to-world matrix)");
    }
    return v;
  }

  private static double unitToDegrees(Header h, int axis) {
    String unit = string(h, "CUNIT" + axis);
    if (unit == null || unit.isBlank()) {
      return 1.0;
    }
    return switch (unit.strip().toLowerCase(Locale.ROOT)) {
      case "deg" -> 1.0;
      case "arcmin" -> 1.0 / 60.0;
      case "arcsec" -> 1.0 / 3600.0;
      case "mas" -> 1.0 / 3_600_000.0;
      case "rad" -> 180.0 / Math.PI;
      default ->
          throw new WcsException("CUNIT" + axis + " '" + unit.strip() + "' is not an angle unit");
    };
  }

  private static CelestialFrame frame(Header h, AxisPair pair) {
    if (pair.lon().galactic()) {
      return CelestialFrame.GALACTIC;
    }
    String radesys = string(h, "RADESYS");
    if (radesys == null) {
      radesys = string(h, "RADECSYS");
    }
    String equinoxKey = h.containsKey("EQUINOX") ? "EQUINOX" : "EPOCH";
    double equinox = number(h, equinoxKey);
    if (radesys == null || radesys.isBlank()) {
      if (Double.isNaN(equinox)) {
        return CelestialFrame.ICRS;
      }
      if (equinox < 1984.0) {
        throw new WcsException(
            equinoxKey + " " + equinox + " means FK4 (B1950) coordinates, which are not supported");
      }
      return fk5(equinoxKey, equinox);
    }
    return switch (radesys.strip().toUpperCase(Locale.ROOT)) {
      case "ICRS" -> CelestialFrame.ICRS;
      case "FK5" -> Double.isNaN(equinox) ? CelestialFrame.FK5 : fk5(equinoxKey, equinox);
      case "FK4", "FK4-NO-E" ->
          throw new WcsException("RADESYS '" + radesys.strip() + "' (B1950) is not supported");
      default -> throw new WcsException("RADESYS '" + radesys.strip() + "' is not supported");
    };
  }

  private static CelestialFrame fk5(String key, double equinox) {
    if (equinox != 2000.0) {
      throw new WcsException(
          "FK5 " + key + " " + equinox + " is not supported (only J2000; no precession)");
    }
    return CelestialFrame.FK5;
  }

  // ---- keyword values ----

  /** A string keyword's value, null when absent or valueless; throws when it is not a string. */
  static String string(Header h, String key) {
    HeaderCard card = h.getCard(key);
    if (card == null || card.getValue() == null) {
      return null;
    }
    if (!card.isStringValue()) {
      throw new WcsException(key + " must be a string, got " + card.getValue());
    }
    return card.getValue();
  }

  /** A numeric keyword's value, NaN when absent; throws when it is not a finite number. */
  static double number(Header h, String key) {
    HeaderCard card = h.getCard(key);
    if (card == null) {
      return Double.NaN;
    }
    String text = card.getValue();
    if (text == null || text.isBlank()) {
      throw new WcsException(key + " has no value");
    }
    if (card.isStringValue()) {
      throw new WcsException(key + " is not a number: '" + text + "'");
    }
    String t = text.strip();
    if (!FITS_NUMBER.matcher(t).matches()) {
      throw new WcsException(key + " is not a number: " + t);
    }
    double v = Double.parseDouble(t.replace('D', 'E').replace('d', 'e'));
    if (!Double.isFinite(v)) {
      throw new WcsException(key + " is not finite: " + text);
    }
    return v;
  }

  /**
   * A numeric keyword's value, or {@code dflt} (the default of Greisen &amp; Calabretta 2002) when
   * the header lacks it, noted in {@code defaults} as {@code KEY = value}; a card that is there
   * must hold a number.
   */
  private static double orDefault(Header h, String key, double dflt, List<String> defaults) {
    double v = number(h, key);
    if (Double.isNaN(v)) {
      defaults.add(key + " = " + (dflt == Math.rint(dflt) ? Long.toString((long) dflt) : dflt));
      return dflt;
    }
    return v;
  }
}
