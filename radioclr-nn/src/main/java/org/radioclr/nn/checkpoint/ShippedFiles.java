package org.radioclr.nn.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Sha256;

/**
 * What the shipped models share: their files are class-path resources, they are known by a short
 * name that a command takes instead of a path, and each is written out once into the user's cache
 * ({@code $RADIOCLR_CACHE}, else {@code $XDG_CACHE_HOME/radioclr}, else {@code ~/.cache/radioclr})
 * in a folder named after its weights' SHA-256. Nothing is downloaded.
 */
public final class ShippedFiles {
  private ShippedFiles() {}

  /** The name among {@code names} that {@code path} is: a bare name that is no existing file. */
  public static Optional<String> named(Path path, List<String> names) {
    String s = path.toString();
    return names.contains(s) && path.getNameCount() == 1 && !Files.exists(path)
        ? Optional.of(s)
        : Optional.empty();
  }

  /**
   * The bytes of a shipped resource.
   *
   * @param owner the class whose loader holds it
   * @param resource absolute resource path
   * @throws IllegalStateException when it is missing (a broken build, not bad input)
   */
  public static byte[] resource(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("radioclr ships no " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cache folder of shipped model {@code name} ({@code CACHE/kind/name-HASH}, HASH the first 12
   * hex digits of the weights' SHA-256), written by {@code write} unless {@code complete} already
   * holds. Processes unpacking at once may race: when {@code write} fails because another one
   * finished first, its folder is used.
   *
   * @param write writes the whole folder atomically (it appears complete or not at all)
   * @throws BadInputException from {@code write} when the folder is still incomplete
   */
  public static Path unpacked(
      String kind, String name, byte[] weights, Predicate<Path> complete, Consumer<Path> write) {
    Path folder =
        cacheRoot().resolve(kind).resolve(name + "-" + Sha256.hex(weights).substring(0, 12));
    if (!complete.test(folder)) {
      try {
        write.accept(folder);
      } catch (BadInputException e) {
        if (!complete.test(folder)) {
          throw e;
        }
      }
    }
    return folder;
  }

  private static Path cacheRoot() {
    String own = System.getenv("RADIOCLR_CACHE");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "radioclr");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "radioclr");
  }
}
