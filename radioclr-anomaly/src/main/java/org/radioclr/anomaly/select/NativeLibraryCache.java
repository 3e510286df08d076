package org.radioclr.anomaly.select;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.Sha256;

/**
 * A per-user, versioned folder of native libraries taken out of jars: {@code
 * $XDG_CACHE_HOME/radioclr/native/NAME-VERSION/PLATFORM/} ({@code ~/.cache} when {@code
 * XDG_CACHE_HOME} is not set to an absolute path).
 *
 * <p>Unlike a fixed file in the shared {@code java.io.tmpdir}, the folder belongs to one user
 * (created owner-only, refused when it cannot be made so), a library of another version lives in
 * another folder, a file is written whole to a temporary name beside its place and renamed onto it
 * (a process that has the old file loaded keeps its copy, another sees the old or the new file but
 * never half of one), and a file found there is used only when its size and SHA-256 are those of
 * the library in the jar; otherwise it is replaced.
 */
final class NativeLibraryCache {
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_READ_FILE =
      PosixFilePermissions.fromString("r-x------");

  private NativeLibraryCache() {}

  /**
   * The root of radioclr's native libraries for this user: {@code $XDG_CACHE_HOME/radioclr/native},
   * or {@code HOME/.cache/radioclr/native} when {@code XDG_CACHE_HOME} is unset, empty or relative
   * (as the XDG base directory specification says).
   *
   * @param env the environment ({@link System#getenv()})
   * @param userHome the home folder ({@code user.home})
   */
  static Path root(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(userHome, ".cache");
    return base.resolve("radioclr").resolve("native");
  }

  /**
   * A library's file in {@code dir}, verified or (re)written.
   *
   * @param file where it was put
   * @param written whether it was written now ({@code false}: a verified copy was reused)
   */
  record Installed(Path file, boolean written) {}

  /**
   * Makes sure {@code dir/name} holds exactly {@code content}: reuses the file when it is a regular
   * file (not a link) of that size and SHA-256, else writes it atomically.
   *
   * @throws RadioclrException naming the folder when it cannot be made owner-only or written
   */
  static Installed install(Path dir, String name, byte[] content) {
    ensurePrivateFolder(dir);
    Path target = dir.resolve(name);
    if (matches(target, content)) {
      return new Installed(target, false);
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + name + ".", ".part"); // owner-only on POSIX
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      if (isPosix(dir)) {
        Files.setPosixFilePermissions(tmp, OWNER_READ_FILE);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new RadioclrException(
            "cannot put " + target + " in place atomically: " + e.getMessage(), e);
      } catch (FileSystemException e) {
        // e.g. Windows, where a library loaded by another process cannot be replaced: that
        // process may just have put the right file there
        if (!matches(target, content)) {
          throw e;
        }
        return new Installed(target, false);
      }
      tmp = null;
      return new Installed(target, true);
    } catch (IOException e) {
      throw new RadioclrException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray .part file does no harm: it is never loaded
        }
      }
    }
  }

  /** Whether {@code file} is a regular file (not a link) holding exactly {@code content}. */
  static boolean matches(Path file, byte[] content) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) != content.length) {
        return false;
      }
      return Arrays.equals(Sha256.of(Files.readAllBytes(file)), Sha256.of(content));
    } catch (IOException e) {
      return false;
    }
  }

  /** The bytes of a class-path resource, or {@code null} when there is none. */
  static byte[] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new RadioclrException("cannot read " + name + " from the class path: " + e, e);
    }
  }

  private static void ensurePrivateFolder(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new RadioclrException(dir + " is not a folder (a link?); remove it and retry");
      }
      if (isPosix(dir)
          && !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)
              .equals(OWNER_ONLY_DIR)) {
        // only the owner may change them: a folder of another user fails here
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
      }
    } catch (IOException e) {
      throw new RadioclrException(
          "cannot use "
              + dir
              + " for native libraries (it must be a folder of yours; XDG_CACHE_HOME picks"
              + " another place): "
              + e,
          e);
    }
  }

  private static boolean isPosix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
