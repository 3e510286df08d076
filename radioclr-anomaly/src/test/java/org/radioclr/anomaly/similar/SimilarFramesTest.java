package org.radioclr.anomaly.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.FeatureTable;

class SimilarFramesTest {
  @TempDir Path tmp;

  private Path table() throws IOException {
    return Files.writeString(
        tmp.resolve("f.csv"),
        "sname,id,label,f0,f1\n"
            + "a,1,FRI,1,0\n"
            + "b,,,0.9,0.1\n"
            + "c,2,FRII,0,1\n"
            + "d,2,FRII,-1,0\n"
            + "zero,,,0,0\n");
  }

  @Test
  void eachQueryGetsItsMostSimilarRowsWithoutItself() throws IOException {
    Path file = table();
    SimilarFrames s = new SimilarFrames(FeatureTable.read(file), file);
    List<SimilarFrames.Query> found = s.search(List.of("a", "c"), 2, 2);
    assertEquals(2, found.size());
    assertEquals("a", found.get(0).sname());
    assertEquals(0, found.get(0).row());
    assertEquals(List.of(1, 2), found.get(0).neighbours().stream().map(Neighbour::row).toList());
    assertEquals(2, found.get(1).row());
    assertEquals(1, found.get(1).neighbours().get(0).row(), "b leans towards c");
    assertEquals("unlabelled", s.label(1));
    assertEquals("FRII", s.label(2));

    Path csv = tmp.resolve("nn.csv");
    s.csv(found).write(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(SimilarFrames.CSV_HEADER, lines.get(0));
    assertEquals(5, lines.size());
    float ab = found.get(0).neighbours().get(0).similarity();
    assertEquals("a,1,b," + ab + ",", lines.get(1), "an unlabelled neighbour has an empty label");
    assertEquals("a,2,c,0.0,FRII", lines.get(2));
  }

  @Test
  void aMissingQueryOrOneWithoutADirectionIsNamedWithTheTable() throws IOException {
    Path file = table();
    SimilarFrames s = new SimilarFrames(FeatureTable.read(file), file);
    BadInputException missing =
        assertThrows(BadInputException.class, () -> s.search(List.of("a", "nope"), 2, 1));
    assertEquals(file + ": no frame named 'nope'", missing.getMessage());
    BadInputException zero =
        assertThrows(BadInputException.class, () -> s.search(List.of("zero"), 2, 1));
    assertEquals(
        file
            + ": query frame 'zero' (row 4): every feature is 0, so it is like no other frame"
            + " (cosine similarity 0)",
        zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.search(List.of("a"), 0, 1));
  }

  @Test
  void severalQueriesGetOneSheetNameEach() {
    assertEquals(tmp.resolve("nn-a_b.png"), SimilarFrames.suffixed(tmp.resolve("nn.png"), "a/b"));
    assertEquals(tmp.resolve("nn-q.png"), SimilarFrames.suffixed(tmp.resolve("nn"), "q"));
  }
}
