package org.radioclr.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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
    try (Pending pending = begin(target)) {
      try {
        content.writeTo(pending.temporary());
      } catch (IOException e) {
        throw writeFailure(target, e);
      }
      pending.commit();
    }
  }

  /**
   * Starts a write whose content is produced over time (a streamed datalist): write into {@link
   * Pending#temporary()}, then {@link Pending#commit()}; closing without commit discards it and
   * leaves the target as it was.
   *
   * @throws BadInputException naming the target when its folder cannot be created or written
   */
  public static Pending begin(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    ensureDirectory(dir);
    try {
      return new Pending(
          target, Files.createTempFile(dir, "." + target.getFileName() + ".", ".part"));
    } catch (IOException e) {
      throw writeFailure(target, e);
    }
  }

  /** A write in progress: a temporary file beside the target. Not thread-safe. */
  public static final class Pending implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private boolean done;

    private Pending(Path target, Path temporary) {
      this.target = target;
      this.temporary = temporary;
    }

    /** The file to write the content into. */
    public Path temporary() {
      return temporary;
    }

    /**
     * Renames the temporary file over the target (atomically where the file system can).
     *
     * @throws BadInputException naming the target when that fails; the target is then untouched
     */
    public void commit() {
      if (done) {
        throw new IllegalStateException("write of " + target + " already finished");
      }
      try {
        keepPermissions(temporary, target);
        try {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
      } catch (IOException e) {
        throw writeFailure(target, e);
      }
    }

    /** Discards the temporary file unless committed. */
    @Override
    public void close() {
      if (!done) {
        done = true;
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the original failure is the one worth reporting
        }
      }
    }
  }

  /** The one-line error for a failed write of {@code target}. */
  public static BadInputException writeFailure(Path target, IOException e) {
    if (e instanceof AccessDeniedException) {
      return new BadInputException(target, "cannot write here (permission denied)", e);
    }
    return new BadInputException(target, "cannot write: " + describe(e), e);
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

  /**
   * Temporary files are created private (0600); give the new file the permissions of the file it
   * replaces, or the usual rw-r--r-- for a new one.
   */
  private static void keepPermissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> perms =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + m;
  }
}
