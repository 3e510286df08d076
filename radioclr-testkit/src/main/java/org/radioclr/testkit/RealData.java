package org.radioclr.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real observed data that sits beside the project ({@code ../shared/data}, see its
 * README). Tests that need it call {@link #require(String)}, which skips the test when the folder
 * is absent (as on a user's fresh clone).
 */
public final class RealData {
  private RealData() {}

  /** The {@code shared/data} folder, searched upwards from the working directory. */
  public static Optional<Path> root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /**
   * The named sub-folder of the real data ({@code frdeep-first}, {@code atca-scorpio}); skips the
   * test when absent.
   */
  public static Path require(String subfolder) {
    Optional<Path> root = root();
    Assumptions.assumeTrue(root.isPresent(), "real data folder ../shared/data is absent");
    Path dir = root.get().resolve(subfolder);
    Assumptions.assumeTrue(Files.isDirectory(dir), "real data folder " + dir + " is absent");
    return dir;
  }

  /**
   * The FITS files ({@code *.fits}) directly in the named sub-folder, sorted; skips the test when
   * the folder is absent.
   */
  public static List<Path> fitsFiles(String subfolder) {
    try (Stream<Path> s = Files.list(require(subfolder))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".fits")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
