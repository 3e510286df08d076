package org.radioclr.core.datalist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.radioclr.core.BadInputException;

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

  /**
   * The one file of every entry, checked before any is opened: an entry with another number of
   * files, or files that are missing or not regular files, refuse the datalist with one message
   * naming the first such entry ({@code data[i] (sname s)}) and how many more there are.
   *
   * @param reads what reads them, for the message, e.g. {@code "training"}
   * @throws BadInputException naming {@code datalist}
   */
  public static List<Path> singleFiles(Path datalist, List<DatalistEntry> entries, String reads) {
    List<Path> files = new ArrayList<>(entries.size());
    String firstMissing = null;
    int missing = 0;
    for (int i = 0; i < entries.size(); i++) {
      DatalistEntry e = entries.get(i);
      String where = "data[" + i + "] (sname " + e.sname() + ")";
      if (e.files().size() != 1) {
        throw new BadInputException(
            datalist,
            where
                + " has "
                + e.files().size()
                + " files; "
                + reads
                + " reads one FITS file per image");
      }
      Path f = e.files().get(0);
      Optional<String> problem = problem(f);
      if (problem.isPresent()) {
        if (firstMissing == null) {
          firstMissing = where + ": " + problem.get();
        }
        missing++;
      }
      files.add(f);
    }
    if (firstMissing != null) {
      throw new BadInputException(
          datalist,
          firstMissing
              + (missing > 1 ? " (and " + (missing - 1) + " more missing or not a file)" : ""));
    }
    return files;
  }
}
