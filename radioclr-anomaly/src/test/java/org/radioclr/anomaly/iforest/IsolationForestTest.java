package org.radioclr.anomaly.iforest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureMatrix;

class IsolationForestTest {
  @TempDir Path tmp;

  /** n Gaussian rows of d columns; rows 0..planted-1 moved 6 sigma away in every column. */
  static FeatureMatrix gaussian(int n, int d, int planted, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < planted; i++) {
      for (int f = 0; f < d; f++) {
        v[i * d + f] += (i % 2 == 0 ? 6 : -6);
      }
    }
    return new FeatureMatrix(n, d, v);
  }

  static List<String> names(int d) {
    List<String> names = new ArrayList<>();
    for (int f = 0; f < d; f++) {
      names.add("f" + f);
    }
    return names;
  }

  static IsolationForestConfig config(String maxSamples, String contamination, long seed) {
    return new IsolationForestConfig(
        100, MaxSamples.parse(maxSamples), Contamination.parse(contamination), seed);
  }

  @Test
  void plantedOutliersRankFirstAndScoresAreInTheUnitInterval() {
    FeatureMatrix data = gaussian(3000, 6, 8, 1);
    IsolationForest.Fitted fit =
        IsolationForest.fitAndScore(
            data, names(6), config("auto", "auto", 7), 2, ProgressListener.NONE);
    double[] s = fit.trainingScores();
    for (double x : s) {
      assertTrue(x > 0 && x <= 1, "score " + x);
    }
    double minPlanted = Arrays.stream(s, 0, 8).min().orElseThrow();
    double maxRest = Arrays.stream(s, 8, s.length).max().orElseThrow();
    assertTrue(minPlanted > maxRest, minPlanted + " vs " + maxRest);
    assertTrue(minPlanted > 0.5, "planted outliers score above 0.5: " + minPlanted);
    assertEquals(256, fit.model().samplesPerTree());
    assertEquals(8, fit.model().maxDepth());
    assertEquals(0.5, fit.model().threshold());
  }

  @Test
  void scoreFollowsThePathLengthFormula() {
    // One hand-made tree over one feature: x <= 0 is isolated at depth 1 (a leaf of 1 row);
    // x > 0 walks right down a chain to a leaf at depth 8 holding 4 rows.
    int psi = 256;
    int depth = TreeBuilder.maxDepth(psi);
    int s = TreeBuilder.STRIDE;
    int[] flat = new int[(1 + 2 * 8) * s];
    int parent = 0;
    for (int level = 0; level < 8; level++) {
      int left = parent + s;
      int right = left + s;
      flat[parent] = left;
      flat[parent + 1] = 0;
      flat[parent + 2] = Float.floatToRawIntBits(level == 0 ? 0f : -Float.MAX_VALUE);
      leaf(flat, left, level + 1, 1);
      parent = right;
    }
    leaf(flat, parent, 8, 4);
    IsolationForest forest =
        new IsolationForest(
            List.of("x"),
            IsolationForestConfig.defaults(1),
            psi,
            psi,
            depth,
            new int[] {0},
            flat,
            0.5);
    double[] sc = forest.score(new FeatureMatrix(2, 1, new float[] {-1f, 1f}));
    double c = TreeBuilder.averagePathLength(psi);
    assertEquals(Math.pow(2, -1.0 / c), sc[0], 1e-6);
    assertEquals(Math.pow(2, -(8 + TreeBuilder.averagePathLength(4)) / c), sc[1], 1e-6);
    assertTrue(sc[0] > sc[1], "isolated at depth 1 scores higher than at depth 8");
  }

  private static void leaf(int[] flat, int o, int depth, int size) {
    flat[o] = o;
    flat[o + 1] = 0;
    flat[o + 2] = TreeBuilder.INF_BITS;
    flat[o + 3] = Float.floatToRawIntBits((float) (depth + TreeBuilder.averagePathLength(size)));
  }

  @Test
  void averagePathLengthMatchesItsDefinition() {
    assertEquals(0, TreeBuilder.averagePathLength(1));
    assertEquals(1, TreeBuilder.averagePathLength(2));
    // c(256) as scikit-learn computes it
    assertEquals(10.244770920119917, TreeBuilder.averagePathLength(256), 1e-12);
    assertEquals(8, TreeBuilder.maxDepth(256));
    assertEquals(15, TreeBuilder.maxDepth(20_000));
    assertEquals(1, TreeBuilder.maxDepth(2));
  }

  @Test
  void sameSeedGivesIdenticalScoresForOneAndFourThreads() {
    FeatureMatrix data = gaussian(5000, 4, 5, 2);
    IsolationForestConfig cfg = config("0.1", "auto", 11);
    IsolationForest one = IsolationForest.fit(data, names(4), cfg, 1, ProgressListener.NONE);
    IsolationForest four = IsolationForest.fit(data, names(4), cfg, 4, ProgressListener.NONE);
    double[] a;
    double[] b;
    try (ForestScorer s1 = one.scorer(1);
        ForestScorer s4 = four.scorer(4)) {
      a = s1.score(data);
      b = s4.score(data);
    }
    assertArrayEquals(a, b);
    IsolationForest other =
        IsolationForest.fit(data, names(4), config("0.1", "auto", 12), 2, ProgressListener.NONE);
    double[] c = other.score(data);
    assertTrue(!Arrays.equals(a, c), "another seed gives other scores");
  }

  @Test
  void blockedScoringEqualsWholeScoring() {
    FeatureMatrix data = gaussian(3000, 3, 0, 3);
    IsolationForest f =
        IsolationForest.fit(data, names(3), config("auto", "auto", 1), 2, ProgressListener.NONE);
    double[] whole = f.score(data);
    try (ForestScorer scorer = f.scorer(3)) {
      for (int start = 0; start < 3000; start += 700) {
        int rows = Math.min(700, 3000 - start);
        float[] block = Arrays.copyOfRange(data.values(), start * 3, (start + rows) * 3);
        double[] part = scorer.score(new FeatureMatrix(rows, 3, block));
        assertArrayEquals(Arrays.copyOfRange(whole, start, start + rows), part);
      }
    }
  }

  @Test
  void quantileThresholdFlagsTheContaminationShare() {
    FeatureMatrix data = gaussian(10_000, 5, 0, 4);
    IsolationForest.Fitted fit =
        IsolationForest.fitAndScore(
            data, names(5), config("auto", "0.01", 5), 2, ProgressListener.NONE);
    long flagged = Arrays.stream(fit.trainingScores()).filter(fit.model()::isOutlier).count();
    assertTrue(flagged >= 95 && flagged <= 100, "flagged " + flagged + " of 10000 at 1%");
    assertEquals(IsolationForest.quantile(fit.trainingScores(), 0.99), fit.model().threshold(), 0);
    // fit() alone places the same threshold
    IsolationForest same =
        IsolationForest.fit(data, names(5), config("auto", "0.01", 5), 1, ProgressListener.NONE);
    assertEquals(fit.model().threshold(), same.threshold(), 0);
  }

  @Test
  void quantileInterpolatesLikeNumpy() {
    double[] v = {4, 1, 3, 2};
    assertEquals(1, IsolationForest.quantile(v, 0));
    assertEquals(4, IsolationForest.quantile(v, 1));
    assertEquals(2.5, IsolationForest.quantile(v, 0.5), 1e-12);
    assertEquals(3.97, IsolationForest.quantile(v, 0.99), 1e-12);
  }

  @Test
  void constantFeaturesAreSkippedAndAllConstantDataScoresEvenly() {
    float[] v = new float[200 * 2];
    for (int i = 0; i < 200; i++) {
      v[2 * i] = 3f; // constant
      v[2 * i + 1] = i == 0 ? 100f : (i % 10);
    }
    FeatureMatrix data = new FeatureMatrix(200, 2, v);
    double[] s =
        IsolationForest.fit(data, names(2), config("auto", "auto", 1), 1, ProgressListener.NONE)
            .score(data);
    assertEquals(0, argMax(s), "the far row in the varying column is the top outlier");
    FeatureMatrix flat = new FeatureMatrix(50, 2, new float[100]);
    double[] t =
        IsolationForest.fit(flat, names(2), config("auto", "auto", 1), 1, ProgressListener.NONE)
            .score(flat);
    // no split possible: every row sits in the root leaf, h = c(50) = c(psi), s = 0.5
    for (double x : t) {
      assertEquals(0.5, x, 1e-6);
    }
  }

  private static int argMax(double[] s) {
    int best = 0;
    for (int i = 1; i < s.length; i++) {
      if (s[i] > s[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void saveAndLoadRoundTrip() {
    FeatureMatrix data = gaussian(2000, 3, 4, 5);
    IsolationForest f =
        IsolationForest.fit(
            data, List.of("f3", "f17", "f2"), config("0.05", "0.01", 9), 2, ProgressListener.NONE);
    Path file = tmp.resolve("m.iforest");
    f.save(file);
    IsolationForest g = IsolationForest.load(file);
    assertEquals(List.of("f3", "f17", "f2"), g.columns());
    assertEquals(f.config(), g.config());
    assertEquals(f.threshold(), g.threshold());
    assertEquals(f.samplesPerTree(), g.samplesPerTree());
    assertEquals(f.nodeCount(), g.nodeCount());
    assertArrayEquals(f.score(data), g.score(data));
  }

  @Test
  void loadingAnotherOrDamagedFileIsOneLineError() throws IOException {
    Path other = tmp.resolve("other.iforest");
    Files.writeString(other, "{\"hello\": 1}");
    BadInputException e = assertThrows(BadInputException.class, () -> IsolationForest.load(other));
    assertEquals(other + ": not an Isolation Forest model (.iforest) file", e.getMessage());

    Path good = tmp.resolve("good.iforest");
    IsolationForest.fit(
            gaussian(300, 2, 0, 1), names(2), config("auto", "auto", 1), 1, ProgressListener.NONE)
        .save(good);
    byte[] bytes = Files.readAllBytes(good);
    bytes[bytes.length / 2] ^= 0x55;
    Path damaged = tmp.resolve("damaged.iforest");
    Files.write(damaged, bytes);
    e = assertThrows(BadInputException.class, () -> IsolationForest.load(damaged));
    assertTrue(e.getMessage().startsWith(damaged + ": damaged"), e.getMessage());

    Path truncated = tmp.resolve("truncated.iforest");
    Files.write(truncated, Arrays.copyOf(Files.readAllBytes(good), 40));
    e = assertThrows(BadInputException.class, () -> IsolationForest.load(truncated));
    assertTrue(e.getMessage().startsWith(truncated + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());

    Path missing = tmp.resolve("missing.iforest");
    e = assertThrows(BadInputException.class, () -> IsolationForest.load(missing));
    assertEquals(missing + ": no such model file", e.getMessage());
  }

  @Test
  void badInputsAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new FeatureMatrix(1, 2, new float[] {1f, Float.NaN}));
    FeatureMatrix one = new FeatureMatrix(1, 1, new float[] {1f});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IsolationForest.fit(
                    one, names(1), config("auto", "auto", 1), 1, ProgressListener.NONE));
    assertTrue(e.getMessage().contains(">= 2 rows"), e.getMessage());
    FeatureMatrix data = gaussian(100, 2, 0, 1);
    IsolationForest f =
        IsolationForest.fit(data, names(2), config("auto", "auto", 1), 1, ProgressListener.NONE);
    assertThrows(IllegalArgumentException.class, () -> f.score(gaussian(10, 3, 0, 1)));
  }
}
