package org.radioclr.core.io;

import java.nio.file.Path;

/**
 * How radioclr writes a file's path into a file that lives elsewhere (a datalist, an annotation):
 * relative to that file's folder when both sit in a common folder below the file-system root (so a
 * data set can be moved or archived as a whole and reproduced byte for byte in another place),
 * absolute otherwise. Separators are always {@code /}. Readers resolve such a path against the
 * folder: {@code folder.resolve(path)} (an absolute path resolves to itself).
 */
public final class RelativePaths {
  private RelativePaths() {}

  /** {@code file} as seen from {@code folder}. */
  public static String from(Path folder, Path file) {
    Path base = folder.toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    boolean shareFolder =
        base.getNameCount() > 0
            && abs.getNameCount() > 0
            && base.getRoot() != null
            && base.getRoot().equals(abs.getRoot())
            && base.getName(0).equals(abs.getName(0));
    if (!shareFolder || abs.equals(base)) {
      return abs.toString();
    }
    StringBuilder sb = new StringBuilder();
    for (Path part : base.relativize(abs)) {
      if (!sb.isEmpty()) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
