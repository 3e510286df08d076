package org.radioclr.classify.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
