package org.radioclr.classify.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;

class ProjectionJobTest {
  @TempDir Path tmp;

  /** Two classes in 6 features, an rms column, a text column, and {@code unlabelled} rows. */
  private Path table(int perClass, int unlabelled) throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("sname,id,label,rms,field,f0,f1,f2,f3,f4,f5\n");
    int row = 0;
    for (int c = -1; c < 2; c++) {
      for (int i = 0; i < (c < 0 ? unlabelled : perClass); i++) {
        sb.append("s").append(row++).append(',');
        sb.append(c < 0 ? "" : Integer.toString(c)).append(',');
        sb.append(c < 0 ? "" : c == 0 ? "FRI" : "FRII").append(',');
        sb.append(row % 5 == 0 ? "" : String.format(Locale.ROOT, "%.3g", 1e-4 * (1 + row)));
        sb.append(',').append(row % 2 == 0 ? "north" : "south");
        for (int j = 0; j < 6; j++) {
          double centre = j == Math.max(c, 0) * 3 ? 4 : 0;
          sb.append(',').append(String.format(Locale.ROOT, "%.5f", centre + r.nextGaussian()));
        }
        sb.append('\n');
      }
    }
    return Files.writeString(tmp.resolve("f.csv"), sb);
  }

  @Test
  void pcaColouredByLabelsWritesThePlotAndTheCoordinatesBesideIt() throws IOException {
    Path features = table(10, 3);
    Path png = tmp.resolve("out/pca.png");
    Files.createDirectories(png.getParent());
    ProjectionJob job = ProjectionJob.open(features, null, png);
    assertEquals(ProjectionJob.LABEL, job.column(), "labels by default when the table has some");
    assertFalse(job.numericColumn());
    ProjectionJob.Result r = job.run(ProjectionMethod.PCA, false, 1, ProgressListener.NONE);
    assertEquals(23, r.rows());
    assertEquals(6, r.dimension());
    assertEquals(3, r.missing(), "the unlabelled rows are drawn grey");
    assertEquals(png, r.plot());
    assertEquals(tmp.resolve("out/pca.csv"), r.csv());
    assertTrue(Files.size(png) > 0);
    List<String> lines = Files.readAllLines(r.csv());
    assertEquals("sname,x,y,label", lines.get(0));
    assertEquals(24, lines.size());
    // PCA separates the two classes along its first axis
    double[] x0 =
        lines.stream()
            .skip(1)
            .filter(l -> l.endsWith(",FRI"))
            .mapToDouble(ProjectionJobTest::x)
            .toArray();
    double[] x1 =
        lines.stream()
            .skip(1)
            .filter(l -> l.endsWith(",FRII"))
            .mapToDouble(ProjectionJobTest::x)
            .toArray();
    assertTrue(
        Arrays.stream(x0).max().getAsDouble() < Arrays.stream(x1).min().getAsDouble()
            || Arrays.stream(x1).max().getAsDouble() < Arrays.stream(x0).min().getAsDouble(),
        lines.toString());
  }

  private static double x(String line) {
    return Double.parseDouble(line.split(",")[1]);
  }

  @Test
  void colourColumnsNumericTextOrNone() throws IOException {
    Path features = table(6, 0);
    Path png = tmp.resolve("p.png");
    ProjectionJob rms = ProjectionJob.open(features, "rms", png);
    assertTrue(rms.numericColumn(), "blank cells are allowed in a numeric column");
    ProjectionJob.Result r = rms.run(ProjectionMethod.PCA, true, 1, ProgressListener.NONE);
    assertEquals("rms", r.column());
    assertEquals(2, r.missing(), "the rows without an rms");
    assertEquals("sname,x,y,rms", Files.readAllLines(r.csv()).get(0));

    ProjectionJob field = ProjectionJob.open(features, "field", png);
    assertFalse(field.numericColumn());
    IllegalArgumentException log =
        assertThrows(
            IllegalArgumentException.class,
            () -> field.run(ProjectionMethod.PCA, true, 1, ProgressListener.NONE));
    assertEquals("a log scale needs a numeric colour column, 'field' is not one", log.getMessage());

    ProjectionJob none = ProjectionJob.open(features, ProjectionJob.NONE, png);
    assertNull(none.column());
    ProjectionJob.Result plain = none.run(ProjectionMethod.PCA, false, 1, ProgressListener.NONE);
    assertEquals(0, plain.missing());
    assertEquals("sname,x,y", Files.readAllLines(plain.csv()).get(0));
  }

  @Test
  void badPlotNameMissingColumnAndEmptyTableAreRefusedNamingTheFile() throws IOException {
    Path features = table(4, 0);
    BadInputException png =
        assertThrows(
            BadInputException.class,
            () -> ProjectionJob.open(features, null, tmp.resolve("p.jpg")));
    assertEquals(tmp.resolve("p.jpg") + ": the plot must be a .png file", png.getMessage());
    BadInputException column =
        assertThrows(
            BadInputException.class,
            () -> ProjectionJob.open(features, "snr", tmp.resolve("p.png")));
    assertEquals(
        features
            + ": no column 'snr' to colour by; columns: [sname, id, label, rms, field] (or 'none')",
        column.getMessage());
    Path empty = Files.writeString(tmp.resolve("empty.csv"), "sname,f0,f1\n");
    BadInputException rows =
        assertThrows(
            BadInputException.class, () -> ProjectionJob.open(empty, null, tmp.resolve("p.png")));
    assertEquals(empty + ": the table has no rows", rows.getMessage());
    assertFalse(Files.exists(tmp.resolve("p.png")));
  }

  @Test
  void numericCellsOrNull() {
    assertArrayEquals(
        new double[] {1.5, Double.NaN, -2},
        ProjectionJob.numeric(Arrays.asList("1.5", " ", "-2")),
        0);
    assertNull(ProjectionJob.numeric(List.of("1", "two")));
    assertNull(ProjectionJob.numeric(null));
  }
}
