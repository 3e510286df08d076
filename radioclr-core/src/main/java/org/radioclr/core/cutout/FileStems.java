package org.radioclr.core.cutout;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** File names for cutouts: safe on every file system and unique within a run. */
final class FileStems {
  private static final int MAX_STEM = 120;

  private FileStems() {}

  /**
   * The file name of {@code file} without {@code .fits}, {@code .fit}, {@code .fits.gz} or {@code
   * .fz}.
   */
  static String withoutFitsExtension(Path file) {
    return file.getFileName().toString().replaceFirst("(?i)\\.fits?(\\.gz)?$|\\.fz$", "");
  }

  /**
   * A file-name safe stem for a source name, unique within the run ignoring case (so that the files
   * of {@code "a"} and {@code "A"} do not collide on case-insensitive file systems).
   */
  static String unique(String name, Set<String> used) {
    String base = name.strip().replaceAll("[^A-Za-z0-9._+-]", "_");
    if (base.startsWith(".") || base.startsWith("-")) {
      base = "_" + base.substring(1);
    }
    if (base.length() > MAX_STEM) {
      base = base.substring(0, MAX_STEM);
    }
    if (base.isEmpty()) {
      base = "source";
    }
    String stem = base;
    for (int i = 2; !used.add(stem.toLowerCase(Locale.ROOT)); i++) {
      stem = base + "-" + i;
    }
    return stem;
  }
}
