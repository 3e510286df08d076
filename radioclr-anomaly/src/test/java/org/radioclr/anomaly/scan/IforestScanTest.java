package org.radioclr.anomaly.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.anomaly.evaluate.FrameGroup;
import org.radioclr.anomaly.evaluate.FrameGroups;
import org.radioclr.anomaly.evaluate.GroupCounts;
import org.radioclr.anomaly.evaluate.ThresholdMetrics;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureMatrix;

class IforestScanTest {
  @TempDir Path tmp;

  /**
   * 4000 rows, 6 columns: rows 0..39 are PECULIAR, 5 sigma off in columns 0 and 1 only; rows
   * 40..139 are ordinary but 6 sigma off in columns 2..5 (artefacts the ranking leaves out).
   */
  static FeatureMatrix planted() {
    int n = 4000;
    int d = 6;
    SplittableRandom r = new SplittableRandom(5);
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < 40; i++) {
      v[i * d] += 5;
      v[i * d + 1] -= 5;
    }
    for (int i = 40; i < 140; i++) {
      for (int f = 2; f < d; f++) {
        v[i * d + f] += 6;
      }
    }
    return new FeatureMatrix(n, d, v);
  }

  @Test
  void picksTheFeatureSetWhereTheAnomaliesShow() throws IOException {
    FeatureMatrix data = planted();
    // rows 0..39 PECULIAR, 40..1999 ordinary but the artefacts 100..139 unlabelled, the other
    // half unlabelled
    FrameGroup[] g = new FrameGroup[data.rows()];
    for (int i = 0; i < g.length; i++) {
      g[i] =
          i < 40
              ? FrameGroup.PECULIAR
              : i < 2000 && (i < 100 || i >= 140) ? FrameGroup.ORDINARY : FrameGroup.UNLABELLED;
    }
    FrameGroups groups = new FrameGroups(g, new boolean[g.length]);
    IforestScan.Grid grid =
        new IforestScan.Grid(
            List.of(
                new IforestScan.FeatureSet("top2", new int[] {0, 1}),
                new IforestScan.FeatureSet("top6", new int[] {0, 1, 2, 3, 4, 5})),
            List.of(MaxSamples.AUTO, MaxSamples.parse("0.5")),
            List.of(Contamination.AUTO, Contamination.parse("0.01")),
            100,
            1);
    IforestScan.Result result = IforestScan.run(data, groups, grid, 2, ProgressListener.NONE);
    assertEquals(8, result.rows().size());
    IforestScan.Row best = result.best();
    assertEquals("top2", best.featureSet());
    assertTrue(best.metrics().f1() > 0.8, "F1 " + best.metrics().f1());
    // contamination 0.01 of 4000 rows flags about 40, about half of them in the labelled half
    IforestScan.Row top6 = result.rows().get(5); // top6, auto, 0.01
    assertEquals("top6", top6.featureSet());
    assertTrue(top6.metrics().f1() < best.metrics().f1());
    // the flag is judged as 'anomaly evaluate' judges a threshold: over every row, precision and
    // contamination as shares of the flagged labelled rows, the unlabelled share beside them
    for (IforestScan.Row row : result.rows()) {
      ThresholdMetrics m = row.metrics();
      assertEquals(new GroupCounts(4000, 40, 0, 1920, 0, 2040), m.totals());
      assertEquals(row.threshold(), m.threshold());
      if (m.above().labelled() > 0) {
        assertEquals(1.0, m.precision() + m.contamination(FrameGroup.ORDINARY), 1e-12);
        assertEquals((double) m.above().unlabelled() / m.above().all(), m.unlabelledShare(), 1e-12);
      }
    }
    // top6 flags artefacts, labelled and unlabelled ones
    assertTrue(top6.metrics().above().unlabelled() > 0, "" + top6.metrics().above());
    assertTrue(top6.metrics().above().ordinary() > 0, "" + top6.metrics().above());

    Path csv = tmp.resolve("scan.csv");
    ScanCsv.write(result, csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(ScanCsv.HEADER, lines.get(0));
    assertEquals(9, lines.size());
    assertEquals(1, lines.stream().filter(l -> l.endsWith(",true")).count());
    assertTrue(lines.get(1 + result.chosen()).endsWith(",true"));
  }

  @Test
  void tiesGoToAveragePrecisionThenFewerRowsPerTree() {
    // one of two peculiar frames among two flagged labelled ones: F1 0.5 for all
    ThresholdMetrics m =
        new ThresholdMetrics(
            0.5, new GroupCounts(3, 1, 0, 1, 0, 1), new GroupCounts(10, 2, 0, 6, 0, 2));
    assertEquals(0.5, m.f1(), 1e-12);
    List<IforestScan.Row> rows =
        List.of(row(500, m, .6), row(100, m, .6), row(300, m, .7), row(50, m, .7), row(60, m, .7));
    assertEquals(3, IforestScan.choose(rows));
  }

  private static IforestScan.Row row(int psi, ThresholdMetrics m, double ap) {
    return new IforestScan.Row("s", 2, MaxSamples.count(psi), psi, Contamination.AUTO, 0.5, m, ap);
  }
}
