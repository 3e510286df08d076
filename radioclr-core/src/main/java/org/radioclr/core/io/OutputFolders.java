package org.radioclr.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;

/** Checks on output folders before a job writes into them. */
public final class OutputFolders {
  private OutputFolders() {}

  /**
   * Refuses a folder that exists and holds anything (a missing folder is fine), so a job never
   * mixes its outputs with an earlier run's.
   *
   * @param advice what the user can do instead, appended to the message
   * @throws BadInputException naming the folder
   */
  public static void requireEmpty(Path dir, String advice) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "exists and is not a folder");
    }
    try (Stream<Path> s = Files.list(dir)) {
      if (s.findAny().isPresent()) {
        throw new BadInputException(dir, "output folder is not empty; " + advice);
      }
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot read folder: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a folder and everything in it; a missing folder is fine.
   *
   * @throws BadInputException naming the folder when something in it cannot be deleted
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new BadInputException(root, "cannot remove: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #deleteTree} as a best effort, for temporary folders whose leftovers readers ignore.
   *
   * @return whether the folder is gone
   */
  public static boolean tryDeleteTree(Path root) {
    try {
      deleteTree(root);
      return true;
    } catch (BadInputException e) {
      return false;
    }
  }

  /**
   * The outermost folder that creating {@code dir} (and its parents) would add: {@code dir} itself
   * or one of its parents; {@code null} when {@code dir} already exists. Note it before {@link
   * AtomicFiles#ensureDirectory} so that {@link #removeIfEmpty} can take back what a run that
   * produced nothing created.
   */
  public static Path firstMissing(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path missing = null;
    for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /**
   * Removes {@code dir} and then its parents up to {@code top} (included), each only while it is an
   * empty folder; best effort, for folders a run created and left empty. Nothing happens when
   * {@code top} is null.
   */
  public static void removeIfEmpty(Path dir, Path top) {
    if (top == null) {
      return;
    }
    Path stop = top.toAbsolutePath().normalize();
    for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(stop); ) {
      try {
        Files.deleteIfExists(p); // fails, harmlessly, on a folder that is not empty
      } catch (IOException e) {
        return;
      }
      if (p.equals(stop)) {
        return;
      }
      p = p.getParent();
    }
  }
}
