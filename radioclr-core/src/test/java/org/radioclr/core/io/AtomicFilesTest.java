package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesAndReplaces() throws IOException {
    Path f = dir.resolve("sub/out.txt");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertEquals("two", Files.readString(f));
    try (var s = Files.list(f.getParent())) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void failedWriteKeepsOldContentAndLeavesNoTemporary() throws IOException {
    Path f = dir.resolve("out.txt");
    AtomicFiles.writeString(f, "old");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                AtomicFiles.write(
                    f,
                    tmp -> {
                      Files.writeString(tmp, "half");
                      throw new IOException("disk full");
                    }));
    assertEquals(f, e.file());
    assertEquals("old", Files.readString(f));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void folderThatIsAFileIsReported() throws IOException {
    Path notDir = dir.resolve("plain");
    Files.writeString(notDir, "x");
    assertThrows(
        BadInputException.class, () -> AtomicFiles.writeString(notDir.resolve("a.txt"), "y"));
  }
}
