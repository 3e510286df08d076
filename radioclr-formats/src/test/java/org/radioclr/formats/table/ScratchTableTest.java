package org.radioclr.formats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ScratchTableTest {
  private static BadInputException failure(Path target, SQLException e) {
    return new BadInputException(target, DuckDb.message(e), e);
  }

  @Test
  void commitWritesTheOutputAndLeavesNoScratch(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("out.csv");
    try (ScratchTable t = new ScratchTable(csv, "t", "a VARCHAR, b DOUBLE", e -> failure(csv, e))) {
      for (int i = 0; i < 3; i++) {
        t.appender().beginRow();
        t.appender().append("r" + i);
        t.appender().append(i * 0.5);
        t.appender().endRow();
      }
      t.commit((s, tmp) -> s.execute("COPY (SELECT * FROM t ORDER BY b DESC) TO " + tmp));
    }
    assertEquals(List.of("a,b", "r2,1.0", "r1,0.5", "r0,0.0"), Files.readAllLines(csv));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(csv), s.toList(), "no scratch folder or temporary file left");
    }
  }

  @Test
  void closeWithoutCommitAndFailedSqlLeaveNoOutput(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.parquet");
    try (ScratchTable t = new ScratchTable(out, "t", "a VARCHAR", e -> failure(out, e))) {
      t.appender().beginRow();
      t.appender().append("x");
      t.appender().endRow();
    }
    assertFalse(Files.exists(out));
    BadInputException e;
    try (ScratchTable t = new ScratchTable(out, "t", "a VARCHAR", ex -> failure(out, ex))) {
      e =
          assertThrows(
              BadInputException.class,
              () -> t.commit((s, tmp) -> s.execute("COPY nosuch TO " + tmp)));
    }
    assertTrue(e.getMessage().startsWith(out.toString()), e.getMessage());
    assertThrows(
        BadInputException.class,
        () -> new ScratchTable(out, "t", "a NOSUCHTYPE", ex -> failure(out, ex)));
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "nothing left behind");
    }
  }
}
