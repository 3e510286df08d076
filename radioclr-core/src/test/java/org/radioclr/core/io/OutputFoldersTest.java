package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class OutputFoldersTest {
  @TempDir Path dir;

  @Test
  void missingAndEmptyFoldersAreFineOthersAreRefused() throws IOException {
    assertDoesNotThrow(() -> OutputFolders.requireEmpty(dir.resolve("new"), "x"));
    assertDoesNotThrow(() -> OutputFolders.requireEmpty(dir, "x"));
    Files.writeString(dir.resolve("a.txt"), "a");
    BadInputException e =
        assertThrows(BadInputException.class, () -> OutputFolders.requireEmpty(dir, "use --force"));
    assertTrue(e.getMessage().endsWith("not empty; use --force"), e.getMessage());
    assertThrows(
        BadInputException.class, () -> OutputFolders.requireEmpty(dir.resolve("a.txt"), "x"));
  }

  @Test
  void deleteTreeRemovesNestedFoldersAndAcceptsAMissingOne(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("run");
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/f.txt"), "x");
    Files.writeString(root.resolve("g.txt"), "y");
    OutputFolders.deleteTree(root);
    assertFalse(Files.exists(root));
    OutputFolders.deleteTree(root); // already gone: fine
    assertTrue(OutputFolders.tryDeleteTree(root));
  }
}
