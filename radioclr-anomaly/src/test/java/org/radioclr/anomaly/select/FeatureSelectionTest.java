package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.progress.ProgressListener;

class FeatureSelectionTest {

  /** 400 rows x 40 Gaussian features; f17 is shifted by 1.5 sigma for the interesting rows. */
  static SelectionData planted(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 400;
    int d = 40;
    float[][] x = new float[n][d];
    boolean[] y = new boolean[n];
    List<String> snames = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("f" + j);
    }
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.3;
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      if (y[i]) {
        x[i][17] += 1.5f;
      }
      snames.add("s" + i);
    }
    return new SelectionData(snames, x, y, names);
  }

  @Test
  void ranksThePlantedFeatureFirstAndStopsEarly() {
    SelectionData data = planted(3);
    SelectionResult r = FeatureSelection.run(data, SelectConfig.paper(5), ProgressListener.NONE);
    assertEquals("f17", r.importance().features().get(0));
    double[] g = r.importance().gains();
    assertTrue(g[0] > 5 * g[1], "f17 gain " + g[0] + " vs next " + g[1]);
    assertEquals(40, r.importance().features().size());
    assertEquals(80, r.validationRows());
    assertEquals(400, r.trainRows() + r.validationRows());
    assertTrue(r.roundsRun() - r.bestRounds() <= 20 && r.roundsRun() < 1000, r.toString());
    // 1.5 sigma separation at 30/70 priors: Bayes accuracy is about 0.8
    assertTrue(r.validationAccuracy() > 0.7, "accuracy " + r.validationAccuracy());
    assertTrue(r.modelText().startsWith("tree"), r.modelText().substring(0, 20));
  }

  @Test
  void isDeterministicForASeed() {
    SelectionData data = planted(4);
    SelectionResult a = FeatureSelection.run(data, SelectConfig.paper(9), ProgressListener.NONE);
    SelectionResult b = FeatureSelection.run(data, SelectConfig.paper(9), ProgressListener.NONE);
    assertEquals(a.importance().features(), b.importance().features());
    assertArrayEquals(a.importance().gains(), b.importance().gains());
    assertEquals(a.modelText(), b.modelText());
  }

  @Test
  void splitIsStratifiedAndSeeded() {
    boolean[] y = new boolean[100];
    for (int i = 0; i < 30; i++) {
      y[i * 3] = true;
    }
    boolean[] h = StratifiedSplit.holdOut(y, 0.2, 1);
    int pos = 0;
    int all = 0;
    for (int i = 0; i < y.length; i++) {
      if (h[i]) {
        all++;
        pos += y[i] ? 1 : 0;
      }
    }
    assertEquals(20, all);
    assertEquals(6, pos);
    assertArrayEquals(h, StratifiedSplit.holdOut(y, 0.2, 1));
    assertTrue(!java.util.Arrays.equals(h, StratifiedSplit.holdOut(y, 0.2, 2)));
  }
}
