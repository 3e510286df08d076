package org.radioclr.serve.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ActiveLearningSimulationTest {
  static final int N = 300;
  static final int DIM = 6;

  @TempDir Path dir;

  /**
   * A seeded set: 20 true anomalies in a tight cluster with middling raw scores, 40 ordinary frames
   * in another tight cluster that the raw score ranks highest (the Isolation Forest's "boring
   * outliers"), and a wide ordinary population with low scores.
   */
  record Synthetic(float[][] features, double[] scores, boolean[] anomalous) {
    static Synthetic make(long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      float[][] f = new float[N][DIM];
      double[] s = new double[N];
      boolean[] a = new boolean[N];
      for (int i = 0; i < N; i++) {
        int kind = i % 15 == 0 ? 0 : i % 15 <= 2 ? 1 : 2; // 20 anomalies, 40 boring, 240 bulk
        for (int j = 0; j < DIM; j++) {
          f[i][j] =
              (float)
                  switch (kind) {
                    case 0 -> 6 + 0.5 * r.nextGaussian();
                    case 1 -> (j % 2 == 0 ? -6 : 6) + 0.5 * r.nextGaussian();
                    default -> 3 * r.nextGaussian();
                  };
        }
        a[i] = kind == 0;
        s[i] =
            switch (kind) {
              case 0 -> 0.40 + 0.2 * r.nextDouble();
              case 1 -> 0.62 + 0.3 * r.nextDouble();
              default -> 0.35 * r.nextDouble();
            };
      }
      return new Synthetic(f, s, a);
    }
  }

  static List<ActiveRound> run(Synthetic d, ActiveLearningConfig c) {
    return ActiveLearningSimulation.run(
        d.features(),
        d.scores(),
        new SimulatedAstronomer(d.anomalous()),
        c,
        NeighbourScore.defaults(1),
        round -> {});
  }

  @Test
  void learnedRankingFindsTheClusteredAnomaliesTheRawScoreMisses() {
    Synthetic d = Synthetic.make(7);
    ActiveLearningConfig c = new ActiveLearningConfig(4, 10, List.of(20, 50));
    List<ActiveRound> rounds = run(d, c);
    assertEquals(5, rounds.size());
    ActiveRound first = rounds.get(0);
    assertEquals(0, first.rated());
    assertEquals(first.rawTop(), first.learnedTop());
    // the raw top 20 holds only boring outliers, its top 50 the 40 of them and 10 anomalies
    assertEquals(List.of(0, 10), first.rawTop());
    for (ActiveRound r : rounds.subList(1, rounds.size())) {
      assertEquals(10 * r.round(), r.rated());
      assertEquals(first.rawTop(), r.rawTop());
      assertTrue(r.seen() >= r.rawSeen(), "round " + r.round() + ": " + r);
    }
    ActiveRound last = rounds.get(4);
    // after a few rounds the learned top 20 is (nearly) all anomalies, the raw one none
    assertTrue(last.learnedTop().get(0) >= 15, last.toString());
    assertTrue(last.learnedTop().get(1) > first.rawTop().get(1), last.toString());
    // the raw order spends all 40 ratings on the boring cluster; active learning finds anomalies
    assertEquals(0, last.rawSeen());
    assertTrue(last.seen() >= 15, last.toString());
    // seeded: the same again
    assertEquals(rounds, run(d, c));
  }

  @Test
  void rowsAndCsvNameEveryDepth() throws IOException {
    Synthetic d = Synthetic.make(3);
    ActiveLearningConfig c = new ActiveLearningConfig(2, 5, List.of(10));
    List<ActiveRound> rounds = run(d, c);
    ActiveLearningReport.write(dir.resolve("out"), c, rounds, 20);
    List<String> lines = Files.readAllLines(dir.resolve("out/rounds.csv"));
    assertEquals("round,rated,seen,raw_seen,learned_top10,raw_top10", lines.get(0));
    assertEquals(3 + 1, lines.size());
    ActiveRound r = rounds.get(2);
    assertEquals(
        String.format(
            Locale.ROOT,
            "2,10,%d,%d,%d,%d",
            r.seen(),
            r.rawSeen(),
            r.learnedTop().get(0),
            r.rawTop().get(0)),
        lines.get(3));
    assertTrue(Files.size(dir.resolve("out/rounds.png")) > 1000);
  }

  @Test
  void truthComesFromTheLabelsAndBadInputIsNamed() throws IOException {
    Path scores = dir.resolve("scores.csv");
    Path features = dir.resolve("features.csv");
    StringBuilder sc = new StringBuilder("sname,label,score\n");
    StringBuilder ft = new StringBuilder("sname,f0,f1\n");
    for (int i = 0; i < 6; i++) {
      sc.append("s").append(i).append(',').append(i == 2 ? "PECULIAR;EXTENDED" : "COMPACT");
      sc.append(',').append(0.1 * i).append('\n');
      ft.append("s").append(i).append(',').append(i).append(',').append(-i).append('\n');
    }
    Files.writeString(scores, sc);
    Files.writeString(features, ft);
    ActiveLearningInput in = ActiveLearningInput.read(scores, features, null);
    assertEquals(1, in.astronomer().anomalies());
    assertEquals(SimulatedAstronomer.ANOMALY_RATING, in.astronomer().rate(2));
    assertEquals(SimulatedAstronomer.ORDINARY_RATING, in.astronomer().rate(3));
    assertEquals(-4f, in.features()[4][1]);

    // no PECULIAR frame: the labels' file is named, with the labels seen
    Path none = dir.resolve("none.csv");
    Files.writeString(none, "sname,label,score\ns0,COMPACT,0.5\ns1,,0.2\n");
    BadInputException e =
        assertThrows(BadInputException.class, () -> ActiveLearningInput.read(none, features, null));
    assertTrue(e.getMessage().contains("none.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("no scored frame is labelled PECULIAR"), e.getMessage());
    // a scored frame without features: the feature table is named
    Path fewer = dir.resolve("fewer.csv");
    Files.writeString(fewer, "sname,f0,f1\ns0,1,2\n");
    e = assertThrows(BadInputException.class, () -> ActiveLearningInput.read(scores, fewer, null));
    assertTrue(
        e.getMessage().contains("fewer.csv") && e.getMessage().contains("'s1'"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ActiveLearningConfig(0, 5, List.of(5)));
    assertThrows(IllegalArgumentException.class, () -> new ActiveLearningConfig(1, 0, List.of(5)));
    assertThrows(
        IllegalArgumentException.class, () -> new ActiveLearningConfig(1, 5, List.of(50, 20)));
    Synthetic d = Synthetic.make(1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> run(d, new ActiveLearningConfig(30, 10, List.of(20))));
    assertTrue(e.getMessage().contains("would rate every one of the 300 frames"), e.getMessage());
  }
}
