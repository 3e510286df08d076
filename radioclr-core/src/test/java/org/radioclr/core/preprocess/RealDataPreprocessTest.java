package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;
import org.radioclr.testkit.RealData;

/** The paper's pre-processing on real survey images against astropy / Pillow reference values. */
class RealDataPreprocessTest {

  private static Plane load(JsonNode image) {
    Path dir = RealData.require(image.get("dataset").asText());
    Plane full = TestImages.readFits(dir.resolve(image.get("file").asText()));
    return TestImages.frame(
        full,
        image.get("x0").asInt(),
        image.get("y0").asInt(),
        image.get("width").asInt(),
        image.get("height").asInt());
  }

  @Test
  void matchesAstropyReferenceValues() {
    JsonNode ref = TestImages.json("real_reference.json");
    int images = 0;
    for (JsonNode image : ref.get("images")) {
      Plane in = load(image);
      String name = image.get("file").asText();
      double[] values = TestImages.validValues(in);
      Workspace ws = new Workspace();
      Interval[] limits = {
        SigmaClipStage.PAPER.bounds(values, values.length, ws),
        ZScaleStage.withContrast(0.25).limits(values, values.length, ws),
        ZScaleStage.withContrast(0.4).limits(values, values.length, ws)
      };
      for (int c = 0; c < 3; c++) {
        double[] expected = TestImages.doubles(image.get("limits").get(c));
        double tol = TestImages.limitTolerance(expected[0], expected[1]);
        assertEquals(expected[0], limits[c].lower(), tol, name + " channel " + c + " lower");
        assertEquals(expected[1], limits[c].upper(), tol, name + " channel " + c + " upper");
      }
      check(image.get("native"), new Preprocessor(PreprocessConfig.paper().withResize(false)), in);
      check(image.get("resized"), new Preprocessor(PreprocessConfig.paper()), in);
      images++;
    }
    assertEquals(12, images);
  }

  private static void check(JsonNode expected, Preprocessor pre, Plane in) {
    Cube cube = pre.process(in);
    assertEquals(expected.get("width").asInt(), cube.width());
    assertEquals(expected.get("height").asInt(), cube.height());
    int plane = cube.width() * cube.height();
    for (int c = 0; c < 3; c++) {
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      double sum = 0;
      for (int p = c * plane; p < (c + 1) * plane; p++) {
        float v = cube.data()[p];
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      assertEquals(expected.get("min").get(c).asDouble(), min, 1e-4);
      assertEquals(expected.get("max").get(c).asDouble(), max, 1e-4);
      assertEquals(expected.get("mean").get(c).asDouble(), sum / plane, 1e-4);
      assertEquals(expected.get("sum").get(c).asDouble(), sum, 1e-4 * plane);
    }
    for (JsonNode s : expected.get("samples")) {
      assertEquals(
          s.get(3).asDouble(),
          cube.get(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt()),
          1e-4,
          "sample " + s);
    }
  }

  @Test
  @Tag("slow")
  void everyFirstCutoutGivesAFiniteUnitRangeCube() throws IOException {
    Path dir = RealData.require("frdeep-first");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".fits")).sorted().toList();
    }
    assertEquals(658, files.size());
    Preprocessor pre = new Preprocessor(PreprocessConfig.paper());
    for (Path f : files) {
      Cube cube = pre.process(TestImages.readFits(f), f);
      assertEquals(3, cube.channels());
      assertEquals(224, cube.height());
      assertEquals(224, cube.width());
      float[] d = cube.data();
      assertEquals(3 * 224 * 224, d.length);
      for (float v : d) {
        if (!(v >= 0f && v <= 1f)) {
          throw new AssertionError(f + ": value " + v + " not finite in [0,1]");
        }
      }
      float max = 0;
      for (float v : d) {
        max = Math.max(max, v);
      }
      assertTrue(max > 0.5f, f + ": output is (nearly) empty");
    }
  }
}
