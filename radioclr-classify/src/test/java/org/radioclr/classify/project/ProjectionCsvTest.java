package org.radioclr.classify.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ProjectionCsvTest {
  @TempDir Path tmp;

  @Test
  void writesTheSameBytesAsBeforeAndQuotesAwkwardCells() throws Exception {
    Path file = tmp.resolve("projection.csv");
    ProjectionCsv.write(
        file,
        List.of("src1", "a,b", "say \"x\""),
        new double[][] {{1, -2.5}, {0.125, 1e-7}, {3, 4}},
        "label",
        Arrays.asList("FRII", null, "two\nlines"));
    assertEquals(
        "sname,x,y,label\n"
            + "src1,1.00000,-2.50000,FRII\n"
            + "\"a,b\",0.125000,1.00000e-07,\n"
            + "\"say \"\"x\"\"\",3.00000,4.00000,\"two\nlines\"\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void withoutAColourColumnThereAreThreeCells() throws Exception {
    Path file = tmp.resolve("p.csv");
    ProjectionCsv.write(file, List.of("s"), new double[][] {{1, 2}}, null, null);
    assertEquals("sname,x,y\ns,1.00000,2.00000\n", Files.readString(file));
  }

  @Test
  void readsBackWhatItWroteAndNamesTheProblemOfABadFile() throws Exception {
    Path file = tmp.resolve("umap.csv");
    double[][] xy = {{1, -2.5}, {0.125, 1e-7}, {3, 4}};
    ProjectionCsv.write(
        file, List.of("src1", "a,b", "c"), xy, "label", Arrays.asList("FRII", null, "x"));
    ProjectionCsv.Points p = ProjectionCsv.read(file);
    assertEquals(List.of("src1", "a,b", "c"), p.snames());
    for (int i = 0; i < xy.length; i++) {
      assertArrayEquals(xy[i], p.xy()[i], 1e-5 * Math.max(1, Math.abs(xy[i][0])));
    }
    Path noY = Files.writeString(tmp.resolve("noy.csv"), "sname,x\na,1\n");
    assertBad(noY, "no 'y' column");
    Path nan = Files.writeString(tmp.resolve("nan.csv"), "sname,x,y\na,1,2\nb,1,oops\n");
    assertBad(nan, "line 2 ('b'): y 'oops' is not a finite number");
    Path twice = Files.writeString(tmp.resolve("twice.csv"), "sname,x,y\na,1,2\na,3,4\n");
    assertBad(twice, "'a' appears twice");
    assertBad(Files.writeString(tmp.resolve("empty.csv"), "sname,x,y\n"), "no rows");
  }

  private static void assertBad(Path file, String expected) {
    BadInputException e = assertThrows(BadInputException.class, () -> ProjectionCsv.read(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
  }
}
