package org.radioclr.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.radioclr.core.BadInputException;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the
 * target's folder, which is renamed over the target only when complete. A failed write leaves the
 * previous target, if any, untouched and removes the temporary file.
 */
public final class AtomicFiles {

  /** Writes the content of one file to the given (temporary) path. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically.
   *
   * @throws BadInputException naming the target when its folder cannot be created or written
   */
  public static void write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    ensureDirectory(dir);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
      content.writeTo(tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (AccessDeniedException e) {
      throw new BadInputException(target, "cannot write here (permission denied)", e);
    } catch (IOException e) {
      throw new BadInputException(target, "cannot write: " + describe(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original failure is the one worth reporting
        }
      }
    }
  }

  /** Writes a text file atomically, UTF-8. */
  public static void writeString(Path target, CharSequence text) {
    write(target, tmp -> Files.writeString(tmp, text));
  }

  /**
   * Creates {@code dir} (and parents) if needed and checks that it is a writable folder.
   *
   * @throws BadInputException naming the folder otherwise
   */
  public static void ensureDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot create output folder: " + describe(e), e);
    }
    if (!Files.isWritable(dir)) {
      throw new BadInputException(dir, "output folder is not writable");
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + m;
  }
}
