package org.radioclr.serve.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Path checks for names that come from clients: a file name is one plain segment ({@code [A-Za-z0-9
 * ._-]}, not starting with a dot); a relative path is such segments joined by {@code /}; and a
 * resolved path must stay inside its root once symbolic links are followed.
 */
public final class SafePaths {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private SafePaths() {}

  /**
   * Checks a client's file name.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static String fileName(String name) {
    if (name == null || !SEGMENT.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "file name must be 1-128 letters, digits, '.', '_' or '-', not starting with '.', got '"
              + name
              + "'");
    }
    return name;
  }

  /**
   * Resolves a client's relative path ({@code a/b.fits}) under {@code root}.
   *
   * @throws IllegalArgumentException for an absolute path, a {@code ..} or an odd segment, or a
   *     path that leads out of {@code root} through a symbolic link
   */
  public static Path resolve(Path root, String relative) {
    if (relative == null || relative.isEmpty() || relative.startsWith("/")) {
      throw new IllegalArgumentException("path must be relative, got '" + relative + "'");
    }
    Path p = root;
    for (String seg : relative.split("/", -1)) {
      if (!SEGMENT.matcher(seg).matches()) {
        throw new IllegalArgumentException(
            "path '" + relative + "' has a bad segment '" + seg + "' (no '..', no empty parts)");
      }
      p = p.resolve(seg);
    }
    requireInside(root, p);
    return p;
  }

  /**
   * Checks that {@code p}, with symbolic links followed as far as it exists, lies inside {@code
   * root}.
   *
   * @throws IllegalArgumentException when it does not
   */
  public static void requireInside(Path root, Path p) {
    try {
      Path realRoot = root.toRealPath();
      Path existing = p.toAbsolutePath().normalize();
      Path rest = existing.getFileSystem().getPath("");
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        rest = existing.getFileName().resolve(rest);
        existing = existing.getParent();
      }
      if (existing == null) {
        throw new IllegalArgumentException("path '" + p + "' is outside the data folder");
      }
      Path real = existing.toRealPath().resolve(rest).normalize();
      if (!real.startsWith(realRoot)) {
        throw new IllegalArgumentException("path '" + p + "' is outside the data folder");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot check path '" + p + "': " + e.getMessage());
    }
  }
}
