package org.radioclr.core.datalist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryFilesTest {
  @TempDir Path dir;

  @Test
  void aFolderIsCalledAFolderNotAMissingFile() throws IOException {
    Path file = Files.writeString(dir.resolve("a.fits"), "x");
    Path folder = Files.createDirectories(dir.resolve("b.fits"));
    Path gone = dir.resolve("c.fits");
    assertEquals(Optional.empty(), EntryFiles.problem(file));
    assertEquals(
        Optional.of("is a folder, not a FITS file: " + folder), EntryFiles.problem(folder));
    assertEquals(Optional.of("file not found: " + gone), EntryFiles.problem(gone));
  }
}
