package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.classify.Predictions;

class ScoresTest {
  @Test
  void accuracyAndMacroF1OfAHandExample() {
    // truth a a b c ; predicted a b b a
    Predictions p =
        new Predictions(
            List.of("a", "b", "c"),
            List.of("1", "2", "3", "4"),
            false,
            new int[][] {{0}, {0}, {1}, {2}},
            new float[][] {{.8f, .1f, .1f}, {.2f, .7f, .1f}, {.1f, .8f, .1f}, {.5f, .2f, .3f}});
    assertEquals(0.5, Scores.accuracy(p), 1e-12);
    // a: tp1 fp1 fn1 -> 0.5 ; b: tp1 fp1 fn0 -> 2/3 ; c: tp0 fn1 -> 0
    assertEquals((0.5 + 2.0 / 3 + 0) / 3, Scores.macroF1(p), 1e-12);
  }

  @Test
  void multiLabelAccuracyIsExactMatch() {
    Predictions p =
        new Predictions(
            List.of("a", "b"),
            List.of("1", "2"),
            true,
            new int[][] {{0, 1}, {}},
            new float[][] {{.9f, .6f}, {.2f, .7f}});
    assertEquals(0.5, Scores.accuracy(p), 1e-12);
  }
}
