package org.radioclr.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;

class PartSetTest {
  @TempDir Path tmp;

  private Path part(int i, int n) throws IOException {
    return Files.writeString(new Shard(i, n).partOf(tmp.resolve("f.csv")), "x\n");
  }

  @Test
  void ordersTheParts() throws IOException {
    Path p2 = part(2, 3);
    Path p0 = part(0, 3);
    Path p1 = part(1, 3);
    PartSet set = PartSet.of(List.of(p2, p0, p1));
    assertEquals(List.of(p0, p1, p2), set.parts());
    assertEquals(tmp.resolve("f.csv"), set.whole());
    assertEquals(set, PartSet.find(tmp.resolve("f.csv")));
  }

  @Test
  void namesTheMissingPartAndTheStrayOne() throws IOException {
    Path p0 = part(0, 3);
    Path p2 = part(2, 3);
    BadInputException missing =
        assertThrows(BadInputException.class, () -> PartSet.of(List.of(p0, p2)));
    assertEquals(
        tmp.resolve("f.part-0001-of-0003.csv")
            + ": missing part 1 of 3 (not given; run shard 1/3, or pass the file)",
        missing.getMessage());
    assertThrows(BadInputException.class, () -> PartSet.find(tmp.resolve("f.csv")));
    Path other = part(0, 4);
    BadInputException count =
        assertThrows(BadInputException.class, () -> PartSet.of(List.of(p0, other)));
    assertEquals(other, count.file());
    BadInputException name =
        assertThrows(BadInputException.class, () -> PartSet.of(List.of(tmp.resolve("f.csv"))));
    assertEquals(tmp.resolve("f.csv"), name.file());
    Path gone = new Shard(1, 3).partOf(tmp.resolve("f.csv"));
    BadInputException notThere =
        assertThrows(BadInputException.class, () -> PartSet.of(List.of(p0, gone, p2)));
    assertEquals(
        gone + ": missing part 1 of 3: no such file (run shard 1/3)", notThere.getMessage());
    Files.createDirectories(tmp.resolve("sub"));
    Path elsewhere = Files.writeString(tmp.resolve("sub").resolve(p2.getFileName()), "x\n");
    assertEquals(
        elsewhere,
        assertThrows(BadInputException.class, () -> PartSet.of(List.of(p0, elsewhere))).file());
    assertThrows(RadioclrException.class, () -> PartSet.of(List.of()));
    assertThrows(BadInputException.class, () -> PartSet.find(tmp.resolve("none.csv")));
  }
}
