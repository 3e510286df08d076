package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class AugmentationPipelineTest {

  /** How many of {@code draws} views the single-step pipeline changed. */
  private static int applied(Augmentation a, double p, int draws) {
    AugmentationPipeline pipeline = new AugmentationPipeline(List.of(new AugmentationStep(a, p)));
    Cube c = TestCubes.indexed(3, 6, 6);
    AugmentView v = new AugmentView();
    int changed = 0;
    for (int i = 0; i < draws; i++) {
      v.load(c);
      pipeline.apply(v, ViewRandom.of(99, 0, i, 0));
      changed += Arrays.equals(c.data(), Arrays.copyOf(v.data(), v.size())) ? 0 : 1;
    }
    return changed;
  }

  @Test
  void probabilitiesAreRespectedOverManyDraws() {
    int flips = applied(new HorizontalFlip(), 0.33, 10000);
    assertTrue(Math.abs(flips - 3300) <= 150, "flipped " + flips);
    int rotations = applied(new Rotate90(), 0.5, 10000);
    assertTrue(Math.abs(rotations - 5000) <= 150, "rotated " + rotations);
    int blurs = applied(GaussianBlur.PAPER, 0.1, 10000);
    assertTrue(Math.abs(blurs - 1000) <= 100, "blurred " + blurs);
    assertEquals(1000, applied(new VerticalFlip(), 1.0, 1000));
    assertEquals(0, applied(new VerticalFlip(), 0.0, 1000));
  }

  @Test
  void presetsFollowTable2() {
    List<AugmentationStep> hulk = AugmentationPipeline.hulk().steps();
    assertEquals(
        List.of(
            new AugmentationStep(new RandomCropResize(0.8, 1.0), 1.0),
            new AugmentationStep(new ColorJitter(0.8, 0.8, 0.8, 0.2, 0.5), 0.8),
            new AugmentationStep(new HorizontalFlip(), 0.33),
            new AugmentationStep(new VerticalFlip(), 0.33),
            new AugmentationStep(new Rotate90(), 0.5),
            new AugmentationStep(new GaussianBlur(1, 3), 0.1),
            new AugmentationStep(new RandomThreshold(40, 60), 0.5)),
        hulk);
    assertEquals(hulk.subList(0, 6), AugmentationPipeline.banner().steps());
    assertEquals(AugmentationPipeline.banner(), AugmentationPipeline.preset("banner"));
    assertEquals(AugmentationPipeline.hulk(), AugmentationPipeline.preset("hulk"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AugmentationPipeline.preset("mirabest"));
    assertTrue(e.getMessage().contains("'mirabest'") && e.getMessage().contains("hulk, banner"));
  }

  @Test
  void sameSeedGivesTheSameViewAndTwoViewsDiffer() {
    Cube c = TestCubes.random(3, 32, 32, 1);
    AugmentationPipeline p = AugmentationPipeline.hulk();
    Cube a = p.apply(c, ViewRandom.of(5, 0, 3, 0));
    Cube again = p.apply(c, ViewRandom.of(5, 0, 3, 0));
    Cube b = p.apply(c, ViewRandom.of(5, 0, 3, 1));
    assertArrayEquals(a.data(), again.data());
    assertFalse(Arrays.equals(a.data(), b.data()));
    assertFalse(Arrays.equals(a.data(), c.data()));
  }

  @Test
  void bufferedApplyEqualsAllocatingApplyAndLeavesTheInputAlone() {
    Cube c = TestCubes.random(3, 24, 24, 2);
    float[] copy = c.data().clone();
    AugmentationPipeline p = AugmentationPipeline.hulk();
    AugmentView work = new AugmentView();
    float[] batch = new float[2 * c.data().length];
    for (int i = 0; i < 30; i++) {
      p.applyInto(c, ViewRandom.of(1, 0, i, 0), work, batch, c.data().length);
      float[] expected = p.apply(c, ViewRandom.of(1, 0, i, 0)).data();
      assertArrayEquals(
          expected, Arrays.copyOfRange(batch, c.data().length, batch.length), "view " + i);
    }
    assertArrayEquals(copy, c.data());
  }

  @Test
  void fullPipelineKeepsShapeAndUnitRange() {
    Cube c = TestCubes.random(3, 20, 20, 3);
    AugmentationPipeline p = AugmentationPipeline.hulk();
    for (int i = 0; i < 200; i++) {
      Cube v = p.apply(c, ViewRandom.of(2, 0, i, 0));
      assertEquals(3, v.channels());
      assertEquals(20, v.height());
      assertEquals(20, v.width());
      for (float x : v.data()) {
        assertTrue(x >= 0f && x <= 1f, "value " + x);
      }
    }
  }

  @Test
  void unsuitableShapesFailBeforeAnyStepIsDrawn() {
    // rotation is never drawn here (probability 0) but the shape is still refused
    AugmentationPipeline rotate =
        new AugmentationPipeline(List.of(new AugmentationStep(new Rotate90(), 0.0)));
    Cube wide = TestCubes.random(3, 8, 16, 4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> rotate.apply(wide, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("3x8x16"), e.getMessage());
    Cube single = TestCubes.random(1, 8, 8, 4);
    assertThrows(
        IllegalArgumentException.class,
        () -> AugmentationPipeline.banner().apply(single, new SplittableRandom(1)));
    // a custom pipeline without those steps takes non-square one-channel images
    AugmentationPipeline flips =
        new AugmentationPipeline(
            List.of(
                AugmentationStep.paper(RandomCropResize.PAPER),
                AugmentationStep.paper(new HorizontalFlip()),
                AugmentationStep.paper(RandomThreshold.PAPER)));
    Cube one = TestCubes.random(1, 8, 16, 5);
    assertEquals(8, flips.apply(one, new SplittableRandom(1)).height());
  }

  @Test
  void emptyPipelineIsTheIdentity() {
    Cube c = TestCubes.random(2, 5, 6, 6);
    assertArrayEquals(
        c.data(), new AugmentationPipeline(List.of()).apply(c, new SplittableRandom(1)).data());
  }
}
