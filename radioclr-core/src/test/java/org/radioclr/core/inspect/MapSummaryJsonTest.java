package org.radioclr.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;

/** The JSON form of {@link MapSummary}: parsed back with Jackson, keys, values, NaN as null. */
class MapSummaryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jsonHasTheDocumentedKeysAndValues() throws Exception {
    MapSummary s = MapSummary.of(FitsReader.read(MapSummaryTest.syntheticMap(dir)));
    JsonNode j = MAPPER.readTree(s.toJson());

    assertEquals(
        List.of(
            "file",
            "width",
            "height",
            "axes",
            "plane",
            "bitpix",
            "unit",
            "wcs",
            "wcs_problem",
            "beam",
            "pixels"),
        keys(j));
    assertEquals(s.file().toString(), j.get("file").asText());
    assertEquals(200, j.get("width").asInt());
    assertEquals(150, j.get("height").asInt());
    assertEquals("[200,150]", j.get("axes").toString());
    assertEquals(0, j.get("plane").asInt());
    assertEquals(-32, j.get("bitpix").asInt());
    assertEquals("Jy/beam", j.get("unit").asText());
    assertTrue(j.get("wcs_problem").isNull());

    JsonNode wcs = j.get("wcs");
    assertEquals(
        List.of(
            "projection",
            "frame",
            "radec_frame",
            "pixel_scale_arcsec",
            "size_arcmin",
            "centre",
            "corners",
            "defaults"),
        keys(wcs));
    assertEquals("[]", wcs.get("defaults").toString());
    assertEquals("TAN", wcs.get("projection").asText());
    assertEquals("ICRS", wcs.get("frame").asText());
    assertEquals(2.0, wcs.get("pixel_scale_arcsec").get(0).asDouble(), 1e-9);
    assertEquals(2.0, wcs.get("pixel_scale_arcsec").get(1).asDouble(), 1e-9);
    assertEquals(5.0, wcs.get("size_arcmin").get(1).asDouble(), 1e-9);
    JsonNode centre = wcs.get("centre");
    assertEquals(List.of("x", "y", "ra_deg", "dec_deg", "l_deg", "b_deg"), keys(centre));
    assertTrue(centre.get("ra_deg").isNumber());
    assertEquals(150.0, centre.get("ra_deg").asDouble(), 1e-9);
    assertEquals(-30.0, centre.get("dec_deg").asDouble(), 1e-9);
    assertEquals(264.2006327969726, centre.get("l_deg").asDouble(), 1e-8);
    assertEquals(4, wcs.get("corners").size());
    JsonNode last = wcs.get("corners").get(3);
    assertEquals(199.0, last.get("x").asDouble(), 0.0);
    assertEquals(149.0, last.get("y").asDouble(), 0.0);
    SkyPoint want = s.sky().orElseThrow().corners().get(3);
    assertEquals(want.equatorial().lon(), last.get("ra_deg").asDouble(), 0.0);
    assertEquals(want.galactic().lat(), last.get("b_deg").asDouble(), 0.0);

    JsonNode beam = j.get("beam");
    assertEquals(List.of("bmaj_arcsec", "bmin_arcsec", "bpa_deg"), keys(beam));
    assertEquals(6.5, beam.get("bmaj_arcsec").asDouble(), 1e-9);
    assertEquals(5.0, beam.get("bmin_arcsec").asDouble(), 1e-9);
    assertEquals(30.0, beam.get("bpa_deg").asDouble(), 1e-12);

    JsonNode px = j.get("pixels");
    assertEquals(
        List.of("total", "blank", "blank_fraction", "min", "max", "median", "rms"), keys(px));
    assertEquals(30000, px.get("total").asInt());
    assertEquals(6, px.get("blank").asInt());
    assertEquals(6 / 30000.0, px.get("blank_fraction").asDouble(), 0.0);
    assertEquals(s.pixels().rms(), px.get("rms").asDouble(), 0.0);
    assertEquals(1.5, px.get("max").asDouble(), 0.0);
  }

  @Test
  void nanBecomesNullAndAbsentItemsAreNull() throws Exception {
    // SIN map with 3-degree pixels: the corners lie beyond the horizon (NaN)
    Path file = dir.resolve("sin.fits");
    FitsWriter.write(
        file,
        new Plane(101, 101, MapSummaryTest.filled(101 * 101, 1f)),
        FitsCards.create()
            .tanSky(30, 10, 51, 51, 3.0)
            .set("CTYPE1", "RA---SIN")
            .set("CTYPE2", "DEC--SIN"));
    FitsImage read = FitsReader.read(file);
    float[] nan = new float[101 * 101];
    Arrays.fill(nan, Float.NaN);
    FitsImage blank =
        new FitsImage(read.source(), new Plane(101, 101, nan), read.header(), -32, read.axes());
    MapSummary s = MapSummary.of(blank);
    assertTrue(s.sky().orElseThrow().centre().isValid());
    assertTrue(!s.sky().orElseThrow().corners().get(0).isValid());

    String json = s.toJson();
    assertTrue(!json.contains("NaN"), json);
    JsonNode j = MAPPER.readTree(json);
    JsonNode corner = j.get("wcs").get("corners").get(0);
    for (String key : List.of("ra_deg", "dec_deg", "l_deg", "b_deg")) {
      assertTrue(corner.get(key).isNull(), key);
    }
    assertEquals(0.0, corner.get("x").asDouble(), 0.0);
    assertEquals(30.0, j.get("wcs").get("centre").get("ra_deg").asDouble(), 1e-9);
    for (String key : List.of("min", "max", "median", "rms")) {
      assertTrue(j.get("pixels").get(key).isNull(), key);
    }
    assertEquals(1.0, j.get("pixels").get("blank_fraction").asDouble(), 0.0);
    assertTrue(j.get("unit").isNull());
    assertTrue(j.get("beam").isNull());

    String text = s.toText();
    assertTrue(text.contains("(0, 0)      n/a (outside the projection)\n"), text);
    assertTrue(text.contains("  rms       n/a"), text);
  }

  @Test
  void noWcsGivesNullWcsAndTheReason() throws Exception {
    Path file = dir.resolve("plain.fits");
    FitsWriter.write(file, new Plane(3, 2, MapSummaryTest.filled(6, 2f)));
    JsonNode j = MAPPER.readTree(MapSummary.of(FitsReader.read(file)).toJson());
    assertTrue(j.get("wcs").isNull());
    assertEquals("no celestial WCS: CTYPE1 is missing", j.get("wcs_problem").asText());
    assertEquals(2.0, j.get("pixels").get("median").asDouble(), 0.0);
    assertEquals(0.0, j.get("pixels").get("rms").asDouble(), 0.0);
  }

  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
