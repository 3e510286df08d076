package org.radioclr.anomaly.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;

class TableScanTest {
  @TempDir Path tmp;

  /**
   * A CSV feature table of {@code rows} frames with 4 features; s0..s4 lie 6 sigma off in f1 and f2
   * and are labelled {@code first}, s5..s39 COMPACT, the rest unlabelled.
   */
  static Path table(Path file, int rows, String first) throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("sname,label,f0,f1,f2,f3\n");
    for (int i = 0; i < rows; i++) {
      sb.append('s').append(i).append(',');
      sb.append(i < 5 ? first : i < 40 ? "COMPACT" : "");
      for (int j = 0; j < 4; j++) {
        double v = r.nextGaussian() + (i < 5 && j == 1 ? 6 : 0) - (i < 5 && j == 2 ? 6 : 0);
        sb.append(',').append(String.format(Locale.ROOT, "%.5f", v));
      }
      sb.append('\n');
    }
    Files.writeString(file, sb);
    return file;
  }

  private static TableScan.Request request(Path features, Path out) {
    return new TableScan.Request(
        features,
        null,
        null,
        List.of(ColumnChoice.ALL),
        List.of(MaxSamples.AUTO, MaxSamples.parse("0.5")),
        List.of(Contamination.AUTO, Contamination.parse("0.01")),
        50,
        1,
        out,
        2);
  }

  @Test
  void scansTheGridOnTheTableLabelsAndWritesTheCsv() throws IOException {
    Path features = table(tmp.resolve("f.csv"), 400, "PECULIAR");
    Path out = tmp.resolve("scan");
    StringWriter log = new StringWriter();
    TableScan.Outcome done =
        TableScan.run(request(features, out), new PrintWriter(log), ProgressListener.NONE);
    assertTrue(
        log.toString().startsWith("scanning 4 settings (2 forests of 50 trees) on 400 rows;"));
    assertTrue(log.toString().contains("40 labelled frames, 5 PECULIAR"), log.toString());
    assertEquals(4, done.result().rows().size());
    assertEquals(out.resolve(TableScan.CSV_FILE), done.csv());
    assertEquals(5, Files.readAllLines(done.csv()).size());
    // the outliers are far off: the best setting finds every PECULIAR frame
    assertEquals(1.0, done.result().best().averagePrecision(), 1e-9);
  }

  @Test
  void noPeculiarFrameIsAnErrorNamingTheLabels() throws IOException {
    Path features = table(tmp.resolve("f.csv"), 100, "COMPACT");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                TableScan.run(
                    request(features, tmp.resolve("scan")),
                    new PrintWriter(new StringWriter()),
                    ProgressListener.NONE));
    assertTrue(e.getMessage().contains("no frame is labelled PECULIAR"), e.getMessage());
    assertTrue(e.getMessage().startsWith(features.toString()), e.getMessage());
  }

  @Test
  void requestRefusesTopKWithoutARankingAndExplicitLists() {
    Path f = tmp.resolve("f.csv");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TableScan.Request(
                    f,
                    null,
                    null,
                    List.of(ColumnChoice.top(5)),
                    List.of(MaxSamples.AUTO),
                    List.of(Contamination.AUTO),
                    10,
                    1,
                    tmp,
                    1));
    assertEquals("--columns top5 needs a feature ranking (--importance FILE|DIR)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TableScan.Request(
                f,
                null,
                null,
                List.of(ColumnChoice.parse("f0,f1")),
                List.of(MaxSamples.AUTO),
                List.of(Contamination.AUTO),
                10,
                1,
                tmp,
                1));
  }
}
