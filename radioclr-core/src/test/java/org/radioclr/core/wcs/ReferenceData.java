package org.radioclr.core.wcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;

/**
 * Loads the astropy reference vectors in {@code src/test/resources/wcs/} (made by {@code
 * make_reference.py}, see the README there).
 */
final class ReferenceData {
  private ReferenceData() {}

  static JsonNode json(String resource) {
    try (InputStream in = ReferenceData.class.getResourceAsStream("/wcs/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /wcs/" + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The synthetic cases of {@code wcs_cases.json}. */
  static List<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    json("wcs_cases.json").get("cases").forEach(out::add);
    return out;
  }

  /** A header made of the case's card images. */
  static Header header(JsonNode item) {
    List<String> cards = new ArrayList<>();
    item.get("cards").forEach(c -> cards.add(c.asText()));
    return new Header(cards.toArray(String[]::new));
  }

  /** A list of [a, b] pairs; JSON null (astropy NaN) becomes NaN. */
  static double[][] pairs(JsonNode item, String field) {
    JsonNode arr = item.get(field);
    double[][] out = new double[arr.size()][2];
    for (int i = 0; i < arr.size(); i++) {
      for (int k = 0; k < 2; k++) {
        JsonNode v = arr.get(i).get(k);
        out[i][k] = v == null || v.isNull() ? Double.NaN : v.asDouble();
      }
    }
    return out;
  }

  /** Longitude difference wrapped to [-180, 180]. */
  static double lonDiff(double a, double b) {
    return Math.IEEEremainder(a - b, 360.0);
  }
}
