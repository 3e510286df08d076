package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Plane;

class PreprocessorTest {

  private static Plane noise(int w, int h, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (1e-4 * rnd.nextGaussian() + (rnd.nextInt(100) == 0 ? 0.01 : 0));
    }
    return new Plane(w, h, d);
  }

  @Test
  void matchesThePythonReferenceOnSyntheticImages() {
    JsonNode ref = TestImages.json("synthetic.json");
    int checked = 0;
    for (JsonNode image : ref.get("images")) {
      Plane in = TestImages.readFits(TestImages.resource(image.get("file").asText()));
      assertEquals(image.get("width").asInt(), in.width());
      // the channel limits, stage by stage
      double[] values = TestImages.validValues(in);
      Workspace ws = new Workspace();
      List<Interval> limits =
          List.of(
              SigmaClipStage.PAPER.bounds(values, values.length, ws),
              ZScaleStage.withContrast(0.25).limits(values, values.length, ws),
              ZScaleStage.withContrast(0.4).limits(values, values.length, ws));
      for (int c = 0; c < 3; c++) {
        double[] expected = TestImages.doubles(image.get("limits").get(c));
        double tol = TestImages.limitTolerance(expected[0], expected[1]);
        assertEquals(expected[0], limits.get(c).lower(), tol, "channel " + c + " lower");
        assertEquals(expected[1], limits.get(c).upper(), tol, "channel " + c + " upper");
      }
      // the full outputs, native size and resized (shrinking and enlarging)
      for (JsonNode output : image.get("outputs")) {
        int w = output.get("width").asInt();
        int h = output.get("height").asInt();
        PreprocessConfig config =
            output.get("resize").asBoolean()
                ? PreprocessConfig.paper().withOutputSize(w, h)
                : PreprocessConfig.paper().withResize(false);
        Cube cube = new Preprocessor(config).process(in);
        assertEquals(3, cube.channels());
        assertEquals(h, cube.height());
        assertEquals(w, cube.width());
        float[] expected = TestImages.f32(output.get("file").asText());
        assertArrayEquals(expected, cube.data(), 1e-4f, output.get("file").asText());
        assertArrayEquals(expected, cube.data(), 1e-6f, "in fact much closer");
        checked++;
      }
    }
    assertEquals(6, checked);
  }

  @Test
  void invalidPixelsAreZeroAndIgnoredByTheStatistics() {
    Plane clean = noise(40, 30, 5);
    Plane blanked = clean.copy();
    // Blank pixels: NaN, infinities and exact zeros. Put them where the clean image has its
    // extreme values so that including them in the statistics would change the result.
    int[] bad = {0, 17, 333, 600, 1199};
    float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f};
    for (int i = 0; i < bad.length; i++) {
      blanked.data()[bad[i]] = specials[i];
    }
    PreprocessConfig config = PreprocessConfig.paper().withResize(false);
    Cube out = new Preprocessor(config).process(blanked);
    for (int c = 0; c < 3; c++) {
      for (int p : bad) {
        assertEquals(0f, out.data()[c * 1200 + p], 0f);
      }
    }
    // Had the infinities entered the statistics, min-max would not span exactly [0, 1].
    for (int c = 0; c < 3; c++) {
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int p = 0; p < 1200; p++) {
        if (isValid(blanked.data()[p])) {
          min = Math.min(min, out.data()[c * 1200 + p]);
          max = Math.max(max, out.data()[c * 1200 + p]);
        }
      }
      assertEquals(0f, min, 0f);
      assertEquals(1f, max, 0f);
    }
  }

  @Test
  void statisticsDoNotDependOnWhereInvalidPixelsAre() {
    // Valid values identical and in the same row-major order, invalid pixels inserted: the valid
    // outputs must be identical to those of the compact image.
    Plane compact = noise(50, 20, 9);
    float[] spread = new float[50 * 25];
    int j = 0;
    for (int p = 0; p < spread.length; p++) {
      spread[p] = p % 5 == 2 ? Float.NaN : compact.data()[j++];
    }
    PreprocessConfig config = PreprocessConfig.paper().withResize(false);
    Cube a = new Preprocessor(config).process(compact);
    Cube b = new Preprocessor(config).process(new Plane(50, 25, spread));
    for (int c = 0; c < 3; c++) {
      j = 0;
      for (int p = 0; p < spread.length; p++) {
        if (p % 5 == 2) {
          assertEquals(0f, b.data()[c * spread.length + p], 0f);
        } else {
          assertEquals(a.data()[c * 1000 + j++], b.data()[c * spread.length + p], 0f);
        }
      }
    }
  }

  private static boolean isValid(float v) {
    return Float.isFinite(v) && v != 0f;
  }

  @Test
  void rejectsImagesWithTooManyInvalidPixels() {
    Plane p = noise(10, 10, 1);
    for (int i = 0; i < 31; i++) {
      p.data()[i * 3] = i % 2 == 0 ? Float.NaN : 0f;
    }
    Preprocessor pre = new Preprocessor(PreprocessConfig.paper());
    TooManyInvalidPixelsException e =
        assertThrows(TooManyInvalidPixelsException.class, () -> pre.process(p));
    assertEquals("31.0% of pixels are blank or NaN (limit 30%)", e.getMessage());
    assertEquals(0.31, e.invalidFraction(), 1e-12);

    BadInputException b =
        assertThrows(BadInputException.class, () -> pre.process(p, Path.of("map.fits")));
    assertEquals("map.fits: 31.0% of pixels are blank or NaN (limit 30%)", b.getMessage());
    assertSame(e.getClass(), b.getCause().getClass());

    // exactly at the limit is accepted; the limit is configurable
    p.data()[91] = Float.NaN; // 32 invalid now
    Preprocessor lenient = new Preprocessor(PreprocessConfig.paper().withMaxInvalidFraction(0.32));
    assertEquals(3 * 224 * 224, lenient.process(p).data().length);
    TooManyInvalidPixelsException strict =
        assertThrows(
            TooManyInvalidPixelsException.class,
            () ->
                new Preprocessor(PreprocessConfig.paper().withMaxInvalidFraction(0.125))
                    .process(p));
    assertEquals("32.0% of pixels are blank or NaN (limit 12.5%)", strict.getMessage());
  }

  @Test
  void rejectsAllBlankImages() {
    Plane p = Plane.zeros(8, 8);
    TooManyInvalidPixelsException e =
        assertThrows(
            TooManyInvalidPixelsException.class,
            () -> new Preprocessor(PreprocessConfig.paper()).process(p));
    assertEquals("all pixels are blank or NaN", e.getMessage());
  }

  @Test
  void constantImageGivesZeros() {
    float[] d = new float[16 * 16];
    java.util.Arrays.fill(d, 2.5f);
    Cube out = new Preprocessor(PreprocessConfig.paper()).process(new Plane(16, 16, d));
    assertEquals(3 * 224 * 224, out.data().length);
    for (float v : out.data()) {
      assertEquals(0f, v, 0f);
    }
  }

  @Test
  void sameSizeMeansNoResampling() {
    Plane in = noise(32, 24, 4);
    Cube native_ = new Preprocessor(PreprocessConfig.paper().withResize(false)).process(in);
    Cube same = new Preprocessor(PreprocessConfig.paper().withOutputSize(32, 24)).process(in);
    assertArrayEquals(native_.data(), same.data(), 0f);
  }

  @Test
  void outputsAreInUnitRangeAndInputIsUntouched() {
    Plane in = noise(256, 256, 8);
    float[] before = in.data().clone();
    Cube out = new Preprocessor(PreprocessConfig.paper()).process(in);
    assertArrayEquals(before, in.data(), 0f);
    assertEquals(224, out.width());
    assertEquals(224, out.height());
    for (float v : out.data()) {
      assertTrue(v >= 0f && v <= 1f, "value " + v);
    }
  }

  @Test
  void reusedPreprocessorGivesTheSameResultAsAFreshOne() {
    Preprocessor reused = new Preprocessor(PreprocessConfig.paper().withOutputSize(64, 48));
    reused.process(noise(300, 200, 1)); // grow the buffers
    reused.process(noise(20, 10, 2)); // different sizes, cached coefficients
    Plane in = noise(100, 90, 3);
    Cube a = reused.process(in);
    Cube b = new Preprocessor(PreprocessConfig.paper().withOutputSize(64, 48)).process(in);
    assertArrayEquals(b.data(), a.data(), 0f);
  }

  @Test
  void processIntoFillsABatchSlot() {
    Plane in = noise(40, 40, 6);
    Preprocessor p = new Preprocessor(PreprocessConfig.paper().withOutputSize(20, 20));
    float[] batch = new float[2 * 3 * 400];
    p.processInto(in, batch, 3 * 400);
    float[] expected = p.process(in).data();
    for (int i = 0; i < 3 * 400; i++) {
      assertEquals(0f, batch[i], 0f);
      assertEquals(expected[i], batch[3 * 400 + i], 0f);
    }
    assertThrows(IndexOutOfBoundsException.class, () -> p.processInto(in, batch, 3 * 400 + 1));
  }

  @Test
  void customRecipesSetTheChannelCount() {
    PreprocessConfig config =
        PreprocessConfig.paper()
            .withChannels(List.of(ChannelRecipe.of("minmax", new MinMaxStage())))
            .withResize(false);
    float[] d = {1, 2, 3, 5};
    Cube out = new Preprocessor(config).process(new Plane(2, 2, d));
    assertEquals(1, out.channels());
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1}, out.data(), 0f);
  }

  /** What a recipe means: its stages run on a copy of the valid values, 0 elsewhere, resized. */
  private static float[] stageByStage(ChannelRecipe recipe, Plane in, int w, int h) {
    double[] values = TestImages.validValues(in);
    Workspace ws = new Workspace();
    for (ChannelStage stage : recipe.stages()) {
      stage.apply(values, values.length, ws);
    }
    float[] plane = new float[in.size()];
    int j = 0;
    for (int p = 0; p < plane.length; p++) {
      plane[p] = isValid(in.data()[p]) ? (float) values[j++] : 0f;
    }
    return BilinearResize.resize(new Plane(in.width(), in.height(), plane), w, h).data();
  }

  @Test
  void everyRecipeGivesExactlyWhatItsStagesGiveOneByOne() {
    // fused recipes (stretch [, min-max], min-max), shared fits and stage-by-stage ones
    List<ChannelRecipe> recipes =
        List.of(
            ChannelRecipe.of("clip", SigmaClipStage.PAPER, new MinMaxStage()),
            ChannelRecipe.of("z25", ZScaleStage.withContrast(0.25), new MinMaxStage()),
            ChannelRecipe.of("z40", ZScaleStage.withContrast(0.4), new MinMaxStage()),
            ChannelRecipe.of("clip again", SigmaClipStage.PAPER, new MinMaxStage()),
            ChannelRecipe.of("z40 clamp", ZScaleStage.withContrast(0.4)),
            ChannelRecipe.of("clip clamp", new SigmaClipStage(3, 3, 5)),
            ChannelRecipe.of("minmax", new MinMaxStage()),
            ChannelRecipe.of(
                "z other", new ZScaleStage(500, 0.3, 0.5, 5, 2.5, 5), new MinMaxStage()),
            ChannelRecipe.of(
                "chain",
                new SigmaClipStage(3, 3, 5),
                ZScaleStage.withContrast(0.25),
                new MinMaxStage()));
    Plane dense = noise(70, 50, 21);
    Plane holes = noise(70, 50, 22);
    for (int p = 0; p < holes.size(); p += 13) {
      holes.data()[p] = p % 2 == 0 ? Float.NaN : 0f;
    }
    for (Plane in : List.of(dense, holes)) {
      // same size; both passes (a wide shrink, an enlargement); the row-block horizontal pass
      // (shrink by less than 2: three taps, 50 rows = 12 blocks of 4 and 2 rows) with and
      // without the vertical pass; the vertical pass alone
      for (int[] size : new int[][] {{70, 50}, {33, 61}, {61, 43}, {61, 50}, {70, 43}}) {
        PreprocessConfig config =
            PreprocessConfig.paper().withChannels(recipes).withOutputSize(size[0], size[1]);
        Cube cube = new Preprocessor(config).process(in);
        for (int c = 0; c < recipes.size(); c++) {
          assertArrayEquals(
              stageByStage(recipes.get(c), in, size[0], size[1]),
              cube.channel(c).data(),
              0f,
              recipes.get(c).name());
        }
      }
    }
  }

  @Test
  void aConstantImageGivesZerosAfterMinMax() {
    float[] d = new float[12];
    java.util.Arrays.fill(d, 2.5f);
    d[3] = Float.NaN;
    Cube out =
        new Preprocessor(PreprocessConfig.paper().withResize(false)).process(new Plane(4, 3, d));
    for (float v : out.data()) {
      assertEquals(0f, v, 0f);
    }
  }
}
