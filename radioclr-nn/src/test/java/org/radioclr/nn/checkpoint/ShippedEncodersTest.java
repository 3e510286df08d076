package org.radioclr.nn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;

/**
 * The shipped encoders are found by name and give the features their model card documents for the
 * committed input {@code encoders/double-lobed.fits}.
 */
class ShippedEncodersTest {

  @Test
  void aBareNameIsAShippedEncoderAndAPathIsNot() {
    assertEquals("radioclr-first-v1", ShippedEncoders.named(Path.of("radioclr-first-v1")).get());
    assertTrue(ShippedEncoders.named(Path.of("runs/radioclr-first-v1")).isEmpty());
    assertTrue(ShippedEncoders.named(Path.of("radioclr-first-v2")).isEmpty());
  }

  @Test
  void theShippedEncoderGivesItsDocumentedFeatures() throws Exception {
    Path input = Path.of(getClass().getResource("/encoders/double-lobed.fits").toURI());
    JsonNode doc =
        Json.mapper()
            .readTree(getClass().getResourceAsStream("/encoders/radioclr-first-v1-features.json"));
    float[] features;
    try (FeatureExtractor fx =
        FeatureExtractor.open(Path.of("radioclr-first-v1"), FeatureOptions.defaults())) {
      float[] image =
          new Preprocessor(fx.preprocess()).process(FitsReader.read(input).plane()).data();
      features = fx.infer(image, 1);
    }
    assertEquals(doc.get("dimension").asInt(), features.length);
    JsonNode first = doc.get("first");
    float[] expected = new float[first.size()];
    float[] got = new float[first.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (float) first.get(i).asDouble();
      got[i] = features[i];
    }
    assertArrayEquals(expected, got, 1e-3f);
  }
}
