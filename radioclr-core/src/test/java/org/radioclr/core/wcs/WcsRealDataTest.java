package org.radioclr.core.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radioclr.testkit.RealData;

/**
 * Real maps from {@code ../shared/data}: the ATCA SCORPIO NCP maps (4-axis description in a 2-D
 * image, EPOCH only) and FIRST TAN cutouts (file names with spaces, TAB characters in COMMENT
 * cards). Corners and centre must agree with astropy values stored in {@code real_data.json};
 * skipped when the data folder is absent.
 */
class WcsRealDataTest {

  static Stream<Arguments> files() {
    List<Arguments> out = new ArrayList<>();
    ReferenceData.json("real_data.json")
        .get("files")
        .forEach(f -> out.add(Arguments.of(f.get("file").asText(), f)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void cornersAndCentreMatchAstropy(String name, JsonNode item) throws Exception {
    Path file = RealData.require(item.get("folder").asText()).resolve(name);
    Header h;
    try (Fits fits = new Fits(file.toFile())) {
      h = fits.readHDU().getHeader();
    }
    assertTrue(Wcs.hasCelestialWcs(h), name);
    Wcs wcs = Wcs.fromHeader(h);
    assertEquals(item.get("projection").asText(), wcs.projection(), name);
    assertEquals(CelestialFrame.valueOf(item.get("frame").asText()), wcs.frame(), name);
    double[] scale = wcs.pixelScaleDeg();
    for (int k = 0; k < 2; k++) {
      assertEquals(item.get("pixel_scale_deg").get(k).asDouble(), scale[k], 1e-12 * scale[k]);
    }
    double[][] pix = ReferenceData.pairs(item, "pix");
    double[][] sky = ReferenceData.pairs(item, "sky");
    double maxSky = 0.0;
    double maxPix = 0.0;
    for (int i = 0; i < pix.length; i++) {
      SkyCoord got = wcs.pixelToSky(pix[i][0], pix[i][1]);
      String where = name + " pixel (" + pix[i][0] + ", " + pix[i][1] + ")";
      assertEquals(sky[i][0], got.lon(), 1e-6, where + " lon");
      assertEquals(sky[i][1], got.lat(), 1e-6, where + " lat");
      double[] back = wcs.skyToPixel(sky[i][0], sky[i][1]);
      assertEquals(pix[i][0], back[0], 1e-6, where + " x back");
      assertEquals(pix[i][1], back[1], 1e-6, where + " y back");
      maxSky =
          Math.max(
              maxSky, Math.max(Math.abs(sky[i][0] - got.lon()), Math.abs(sky[i][1] - got.lat())));
      maxPix =
          Math.max(maxPix, Math.max(Math.abs(pix[i][0] - back[0]), Math.abs(pix[i][1] - back[1])));
    }
    System.out.printf("%s: max |deviation| vs astropy %.2e deg, %.2e px%n", name, maxSky, maxPix);
  }
}
