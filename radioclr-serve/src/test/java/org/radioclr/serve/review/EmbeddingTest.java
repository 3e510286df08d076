package org.radioclr.serve.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.serve.ReviewFixture;

class EmbeddingTest {
  @TempDir Path dir;

  @Test
  void projectionPointsAreMatchedByNameAndAForeignFileIsRefused() throws Exception {
    ReviewFixture f = ReviewFixture.make(dir, 4);
    ReviewProject p = ReviewProject.open(f.scores(), null, f.datalist());
    // rows out of order, one frame missing, one unknown name
    Path csv =
        Files.writeString(
            dir.resolve("p.csv"),
            "sname,x,y,label\nfr002,5,6,A\nzzz,0,0,B\nfr000,1,2,\nfr003,7,8,C\n");
    Embedding e = Embedding.fromProjection(p, csv);
    assertArrayEquals(new double[] {1, 2}, e.xy()[0]);
    assertFalse(e.has(1));
    assertArrayEquals(new double[] {5, 6}, e.xy()[2]);
    assertEquals(1, e.missing());
    assertTrue(e.source().contains("p.csv"));
    Path foreign = Files.writeString(dir.resolve("other.csv"), "sname,x,y\na,1,2\n");
    BadInputException bad =
        assertThrows(BadInputException.class, () -> Embedding.fromProjection(p, foreign));
    assertTrue(bad.getMessage().contains("none of its 1 points is a frame"), bad.getMessage());
  }
}
