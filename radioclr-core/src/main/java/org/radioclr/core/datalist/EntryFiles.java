package org.radioclr.core.datalist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What is wrong with a datalist entry's file before it is opened, in the words of every reader. */
public final class EntryFiles {
  private EntryFiles() {}

  /**
   * Empty when {@code file} is a regular file; otherwise one phrase ending with the path: {@code
   * file not found: P}, {@code is a folder, not a FITS file: P} or {@code not a regular file: P}.
   */
  public static Optional<String> problem(Path file) {
    if (Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (Files.isDirectory(file)) {
      return Optional.of("is a folder, not a FITS file: " + file);
    }
    if (Files.exists(file)) {
      return Optional.of("not a regular file: " + file);
    }
    return Optional.of("file not found: " + file);
  }
}
