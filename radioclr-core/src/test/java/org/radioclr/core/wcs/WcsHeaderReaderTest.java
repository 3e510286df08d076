package org.radioclr.core.wcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radioclr.core.RadioclrException;

/** Header parsing: frame rules, linear forms, and one-line errors for broken or unsupported WCS. */
class WcsHeaderReaderTest {

  /** A good FIRST-like header as ordered key -> FITS value text. */
  private static Map<String, String> good() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("NAXIS", "2");
    m.put("NAXIS1", "150");
    m.put("NAXIS2", "150");
    m.put("CTYPE1", "'RA---TAN'");
    m.put("CTYPE2", "'DEC--TAN'");
    m.put("CRVAL1", "121.38");
    m.put("CRVAL2", "24.1726");
    m.put("CRPIX1", "75.5");
    m.put("CRPIX2", "75.5");
    m.put("CDELT1", "-0.0005");
    m.put("CDELT2", "0.0005");
    return m;
  }

  private static Header header(Map<String, String> m) {
    String[] kv = new String[m.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> e : m.entrySet()) {
      kv[i++] = e.getKey();
      kv[i++] = e.getValue();
    }
    return WcsTest.headerOf(kv);
  }

  private static Header with(String... kv) {
    Map<String, String> m = good();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return header(m);
  }

  static Stream<Arguments> badHeaders() {
    return Stream.of(
        Arguments.of("no CTYPE", with("CTYPE1", null, "CTYPE2", null), "CTYPE1 is missing"),
        Arguments.of("no CTYPE2", with("CTYPE2", null), "CTYPE2 is missing"),
        Arguments.of(
            "unknown projection",
            with("CTYPE1", "'RA---XYZ'", "CTYPE2", "'DEC--XYZ'"),
            "unsupported projection code 'XYZ'"),
        Arguments.of(
            "known but unsupported projection",
            with("CTYPE1", "'RA---MER'", "CTYPE2", "'DEC--MER'"),
            "unsupported projection code 'MER'"),
        Arguments.of(
            "mismatched pair", with("CTYPE2", "'GLAT-TAN'"), "are not a longitude/latitude pair"),
        Arguments.of("two longitudes", with("CTYPE2", "'RA---TAN'"), "not a longitude/latitude"),
        Arguments.of(
            "different projections", with("CTYPE2", "'DEC--SIN'"), "name different projections"),
        Arguments.of("spectral axis 1", with("CTYPE1", "'FREQ'"), "axis 1 is not celestial"),
        Arguments.of("no projection code", with("CTYPE1", "'RA'"), "has no projection code"),
        Arguments.of(
            "distortion suffix",
            with("CTYPE1", "'RA---TAN-SIP'", "CTYPE2", "'DEC--TAN-SIP'"),
            "distortion suffix '-SIP'"),
        Arguments.of(
            "ecliptic", with("CTYPE1", "'ELON-TAN'", "CTYPE2", "'ELAT-TAN'"), "'ELON' is not"),
        Arguments.of("numeric CTYPE", with("CTYPE1", "5"), "CTYPE1 must be a string"),
        Arguments.of("string CRVAL", with("CRVAL1", "'abc'"), "CRVAL1 is not a number: 'abc'"),
        Arguments.of("garbage CRVAL", with("CRVAL2", "12.5.3"), "CRVAL2 is not a number"),
        Arguments.of("boolean CDELT", with("CDELT1", "T"), "CDELT1 is not a number"),
        Arguments.of("zero CDELT", with("CDELT1", "0.0"), "CDELT1 is 0"),
        Arguments.of(
            "singular CD",
            with(
                "CDELT1", null, "CDELT2", null, "CD1_1", "1e-3", "CD1_2", "2e-3", "CD2_1", "0.5e-3",
                "CD2_2", "1e-3"),
            "singular pixel-to-world matrix"),
        Arguments.of(
            "singular PC",
            with("PC1_1", "1.0", "PC1_2", "1.0", "PC2_1", "1.0", "PC2_2", "1.0"),
            "singular pixel-to-world matrix"),
        Arguments.of("latitude beyond pole", with("CRVAL2", "95.0"), "outside [-90, 90]"),
        Arguments.of(
            "NCP on the equator",
            with("CTYPE1", "'RA---NCP'", "CTYPE2", "'DEC--NCP'", "CRVAL2", "0.0"),
            "NCP projection is undefined"),
        Arguments.of("FK4", with("RADESYS", "'FK4'"), "RADESYS 'FK4' (B1950) is not supported"),
        Arguments.of("B1950 equinox", with("EQUINOX", "1950.0"), "FK4 (B1950)"),
        Arguments.of(
            "FK5 other equinox", with("RADESYS", "'FK5'", "EQUINOX", "2010.0"), "only J2000"),
        Arguments.of("unknown RADESYS", with("RADESYS", "'GAPPT'"), "RADESYS 'GAPPT'"),
        Arguments.of("CUNIT not angle", with("CUNIT1", "'m'"), "CUNIT1 'm' is not an angle unit"),
        Arguments.of("fiducial offset", with("PV1_1", "10.0"), "PV1_1 (fiducial point offset)"),
        Arguments.of(
            "no valid pole",
            with(
                "CTYPE1",
                "'RA---CAR'",
                "CTYPE2",
                "'DEC--CAR'",
                "CRVAL2",
                "40.0",
                "LONPOLE",
                "90.0"),
            "no celestial pole fits"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHeaders")
  void brokenHeaderGivesOneLineReason(String what, Header h, String expected) {
    WcsException e = assertThrows(WcsException.class, () -> Wcs.fromHeader(h), what);
    assertTrue(
        e.getMessage().contains(expected),
        what + ": message '" + e.getMessage() + "' should contain '" + expected + "'");
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e instanceof RadioclrException);
  }

  @Test
  void missingCrpixTakesTheStandardDefaultOfZero() {
    // Greisen & Calabretta 2002 (Paper I, sect. 2.1.4): CRPIXj defaults to 0.0. The WCS was
    // dropped ("CRPIX1 is missing") before.
    Wcs defaulted = Wcs.fromHeader(with("CRPIX1", null, "CRPIX2", null));
    Wcs explicit = Wcs.fromHeader(with("CRPIX1", "0.0", "CRPIX2", "0.0"));
    assertEquals(List.of("CRPIX1 = 0", "CRPIX2 = 0"), defaulted.defaults());
    assertEquals(List.of(), explicit.defaults());
    assertArrayEquals(new double[] {-1.0, -1.0}, defaulted.referencePixel());
    // FITS pixel 0 (0-based -1) is the reference point CRVAL
    SkyCoord ref = defaulted.pixelToSky(-1.0, -1.0);
    assertEquals(121.38, ref.lon(), 1e-9);
    assertEquals(24.1726, ref.lat(), 1e-9);
    for (double[] xy : new double[][] {{0, 0}, {74.5, 74.5}, {149, 10}}) {
      assertEquals(
          0.0,
          defaulted.pixelToSky(xy[0], xy[1]).separationDeg(explicit.pixelToSky(xy[0], xy[1])),
          1e-12);
    }
  }

  @Test
  void missingCrvalAndCdeltTakeTheStandardDefaults() {
    // CRVALi defaults to 0.0 and CDELTi to 1.0 (Paper I); wcslib and astropy apply them too
    Wcs noCrval = Wcs.fromHeader(with("CRVAL1", null, "CRVAL2", null));
    assertEquals(List.of("CRVAL1 = 0", "CRVAL2 = 0"), noCrval.defaults());
    SkyCoord ref = noCrval.pixelToSky(74.5, 74.5);
    assertEquals(0.0, ref.lon(), 1e-9);
    assertEquals(0.0, ref.lat(), 1e-9);

    Wcs noCdelt = Wcs.fromHeader(with("CDELT1", null, "CDELT2", null));
    assertEquals(List.of("CDELT1 = 1", "CDELT2 = 1"), noCdelt.defaults());
    assertArrayEquals(new double[] {1.0, 1.0}, noCdelt.pixelScaleDeg(), 1e-15);
    Wcs explicit = Wcs.fromHeader(with("CDELT1", "1.0", "CDELT2", "1.0"));
    assertEquals(
        0.0, noCdelt.pixelToSky(80.0, 70.0).separationDeg(explicit.pixelToSky(80.0, 70.0)), 1e-12);
    // a CD matrix needs no CDELT: nothing defaulted
    Wcs cd =
        Wcs.fromHeader(with("CDELT1", null, "CDELT2", null, "CD1_1", "-5e-4", "CD2_2", "5e-4"));
    assertEquals(List.of(), cd.defaults());
    // a card that is there must still be a number
    assertThrows(WcsException.class, () -> Wcs.fromHeader(with("CRPIX1", "'abc'")));
  }

  @Test
  void cheapCheckTellsCelestialFromNot() {
    assertTrue(Wcs.hasCelestialWcs(header(good())));
    assertTrue(Wcs.hasCelestialWcs(with("CTYPE1", "'GLON-AIT'", "CTYPE2", "'GLAT-AIT'")));
    assertFalse(Wcs.hasCelestialWcs(with("CTYPE1", null, "CTYPE2", null)));
    assertFalse(Wcs.hasCelestialWcs(with("CTYPE1", "'FREQ'")));
    assertFalse(Wcs.hasCelestialWcs(with("CTYPE2", "'GLAT-TAN'")));
    assertFalse(Wcs.hasCelestialWcs(with("CTYPE1", "'RA---XYZ'", "CTYPE2", "'DEC--XYZ'")));
    assertFalse(Wcs.hasCelestialWcs(new Header()));
    // Only the axis types are checked: a broken value is found by fromHeader.
    assertTrue(Wcs.hasCelestialWcs(with("CRVAL1", "'abc'")));
  }

  @Test
  void frameFollowsRadesysEquinoxAndEpoch() {
    assertEquals(CelestialFrame.ICRS, Wcs.fromHeader(header(good())).frame());
    assertEquals(CelestialFrame.ICRS, Wcs.fromHeader(with("RADESYS", "'ICRS'")).frame());
    assertEquals(CelestialFrame.FK5, Wcs.fromHeader(with("RADESYS", "'FK5'")).frame());
    assertEquals(CelestialFrame.FK5, Wcs.fromHeader(with("EQUINOX", "2000.0")).frame());
    assertEquals(CelestialFrame.FK5, Wcs.fromHeader(with("EPOCH", "2.0E+03")).frame());
    assertEquals(CelestialFrame.FK5, Wcs.fromHeader(with("RADECSYS", "'FK5'")).frame());
    assertEquals(
        CelestialFrame.FK5, Wcs.fromHeader(with("RADESYS", "'FK5'", "EQUINOX", "2000.0")).frame());
    assertEquals(
        CelestialFrame.GALACTIC,
        Wcs.fromHeader(with("CTYPE1", "'GLON-TAN'", "CTYPE2", "'GLAT-TAN'")).frame());
  }

  @Test
  void fitsDExponentAndIntegerValuesAreNumbers() {
    Wcs wcs = Wcs.fromHeader(with("CDELT1", "-5.0D-4", "CRPIX1", "75"));
    assertEquals(5.0e-4, wcs.pixelScaleDeg()[0], 1e-18);
    assertEquals(74.0, wcs.referencePixel()[0], 0.0);
  }

  @Test
  void crota2RotatesLikeTheEquivalentPcMatrix() {
    double rho = 25.0;
    double c = Math.cos(Math.toRadians(rho));
    double s = Math.sin(Math.toRadians(rho));
    double cdelt1 = -0.0005;
    double cdelt2 = 0.0007;
    Wcs crota = Wcs.fromHeader(with("CDELT2", "0.0007", "CROTA2", "25.0"));
    Wcs pc =
        Wcs.fromHeader(
            with(
                "CDELT2", "0.0007",
                "PC1_1", Double.toString(c),
                "PC1_2", Double.toString(-s * cdelt2 / cdelt1),
                "PC2_1", Double.toString(s * cdelt1 / cdelt2),
                "PC2_2", Double.toString(c)));
    Wcs plain = Wcs.fromHeader(with("CDELT2", "0.0007"));
    SkyCoord a = crota.pixelToSky(10.0, 140.0);
    SkyCoord b = pc.pixelToSky(10.0, 140.0);
    assertEquals(0.0, a.separationDeg(b), 1e-12);
    assertTrue(a.separationDeg(plain.pixelToSky(10.0, 140.0)) > 1e-3, "rotation has an effect");
  }

  @Test
  void ignoresSpectralAndStokesAxesBeyondNaxis() {
    Wcs wcs =
        Wcs.fromHeader(
            with(
                "CTYPE3",
                "'FREQ-LSR'",
                "CRVAL3",
                "1.4E9",
                "CDELT3",
                "1E6",
                "CRPIX3",
                "1.0",
                "CTYPE4",
                "'STOKES'",
                "CRVAL4",
                "1.0",
                "CDELT4",
                "1.0",
                "CRPIX4",
                "1.0"));
    assertEquals("TAN", wcs.projection());
  }
}
