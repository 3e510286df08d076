package org.radioclr.anomaly.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;

class ForestScoringTest {
  @TempDir Path tmp;

  /** {@code rows} frames, 3 features; s0 and s1 lie 8 sigma off in f0. */
  private static Path table(Path file, int rows) throws IOException {
    SplittableRandom r = new SplittableRandom(5);
    StringBuilder sb = new StringBuilder("sname,rms,f0,f1,f2\n");
    for (int i = 0; i < rows; i++) {
      sb.append('s').append(i).append(",0.1");
      for (int j = 0; j < 3; j++) {
        double v = r.nextGaussian() + (i < 2 && j == 0 ? 8 : 0);
        sb.append(',').append(String.format(Locale.ROOT, "%.5f", v));
      }
      sb.append('\n');
    }
    Files.writeString(file, sb);
    return file;
  }

  private static IsolationForestConfig config() {
    return new IsolationForestConfig(50, MaxSamples.AUTO, Contamination.parse("0.01"), 1);
  }

  @Test
  void fitSavesTheModelWritesSortedScoresAndTheModelScoresAgain() throws IOException {
    Path features = table(tmp.resolve("f.csv"), 200);
    Path out = tmp.resolve("scores.csv");
    ForestScoring.Fitted fit =
        ForestScoring.fit(
            new ForestScoring.FitRequest(features, ColumnChoice.ALL, null, config(), out, null, 2),
            ProgressListener.NONE);
    assertEquals(200, fit.rows());
    assertEquals(List.of("f0", "f1", "f2"), fit.columns());
    assertEquals(ForestScoring.defaultModelFile(out), fit.modelFile());
    assertEquals(tmp.resolve("scores.csv.iforest"), fit.modelFile());
    assertTrue(Files.exists(fit.modelFile()));
    List<String> lines = Files.readAllLines(out);
    assertEquals("sname,id,label,rms,score,outlier", lines.get(0));
    assertEquals(201, lines.size());
    // the two far-off frames come first and are flagged
    assertTrue(lines.get(1).startsWith("s0,") || lines.get(1).startsWith("s1,"), lines.get(1));
    assertTrue(lines.get(1).endsWith(",true"), lines.get(1));
    assertEquals(lines.stream().filter(l -> l.endsWith(",true")).count(), fit.flagged());

    Path again = tmp.resolve("again.csv");
    ForestScoring.Scored s =
        ForestScoring.score(features, fit.modelFile(), again, 1, ProgressListener.NONE);
    assertEquals(200, s.rows());
    assertEquals(fit.flagged(), s.flagged());
    assertEquals(lines, Files.readAllLines(again));
  }

  @Test
  void tooFewRowsAndMissingColumnsNameTheTable() throws IOException {
    Path one = table(tmp.resolve("one.csv"), 1);
    Path out = tmp.resolve("s.csv");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ForestScoring.fit(
                    new ForestScoring.FitRequest(
                        one, ColumnChoice.ALL, null, config(), out, null, 1),
                    ProgressListener.NONE));
    assertEquals(one + ": needs at least 2 rows to fit a forest, has 1", e.getMessage());
    assertFalse(Files.exists(out));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ForestScoring.FitRequest(one, ColumnChoice.top(2), null, config(), out, null, 1));
  }

  private static ForestScoring.ModelRequest modelRequest(
      Path features, IsolationForestConfig config, int sample, Path model) {
    return new ForestScoring.ModelRequest(
        features, ColumnChoice.ALL, null, config, sample, model, 2);
  }

  @Test
  void aModelFittedOnASeededSampleSeesOnlyTheSampleAndTheSeedFixesIt() throws IOException {
    Path features = table(tmp.resolve("f.csv"), 3000);
    ForestScoring.ModelFit a =
        ForestScoring.fitModel(
            modelRequest(features, config(), 400, tmp.resolve("a.iforest")), ProgressListener.NONE);
    assertEquals(3000, a.tableRows());
    assertEquals(400, a.rows(), "rows the fitter saw");
    assertEquals(400, a.model().trainingRows());
    assertEquals(List.of("f0", "f1", "f2"), a.columns());
    ForestScoring.ModelFit b =
        ForestScoring.fitModel(
            modelRequest(features, config(), 400, tmp.resolve("b.iforest")), ProgressListener.NONE);
    assertEquals(-1, Files.mismatch(a.modelFile(), b.modelFile()), "same seed, same model");
    IsolationForestConfig other =
        new IsolationForestConfig(50, MaxSamples.AUTO, Contamination.parse("0.01"), 2);
    ForestScoring.ModelFit c =
        ForestScoring.fitModel(
            modelRequest(features, other, 400, tmp.resolve("c.iforest")), ProgressListener.NONE);
    assertTrue(Files.mismatch(a.modelFile(), c.modelFile()) >= 0, "another seed, another model");

    // the sampled model scores the whole table; the far-off frames still come first
    Path scores = tmp.resolve("scores.csv");
    ForestScoring.Scored s =
        ForestScoring.score(features, a.modelFile(), scores, 2, ProgressListener.NONE);
    assertEquals(3000, s.rows());
    List<String> lines = Files.readAllLines(scores);
    assertTrue(lines.get(1).startsWith("s0,") || lines.get(1).startsWith("s1,"), lines.get(1));
  }

  @Test
  void withoutASampleTheModelIsTheOneScoreFits() throws IOException {
    Path features = table(tmp.resolve("f.csv"), 300);
    ForestScoring.Fitted fit =
        ForestScoring.fit(
            new ForestScoring.FitRequest(
                features, ColumnChoice.ALL, null, config(), tmp.resolve("s.csv"), null, 2),
            ProgressListener.NONE);
    ForestScoring.ModelFit model =
        ForestScoring.fitModel(
            modelRequest(features, config(), 0, tmp.resolve("m.iforest")), ProgressListener.NONE);
    assertEquals(300, model.rows());
    assertEquals(-1, Files.mismatch(fit.modelFile(), model.modelFile()));
    assertThrows(
        IllegalArgumentException.class,
        () -> modelRequest(features, config(), 1, tmp.resolve("x.iforest")));
  }
}
