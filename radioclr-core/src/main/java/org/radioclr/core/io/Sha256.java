package org.radioclr.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.radioclr.core.BadInputException;

/**
 * SHA-256 digests (FIPS 180-4) of files and byte arrays: the checksums recorded in provenance and
 * training state, and compared to tell a changed input from the one a run started with.
 */
public final class Sha256 {
  private Sha256() {}

  /**
   * The SHA-256 of a file's bytes as 64 lower-case hex digits, read in 64 KiB blocks.
   *
   * @throws BadInputException naming the file when it cannot be read
   */
  public static String hex(Path file) {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int k;
      while ((k = in.read(buf)) > 0) {
        md.update(buf, 0, k);
      }
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The SHA-256 of {@code bytes} as 64 lower-case hex digits. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(of(bytes));
  }

  /** The 32-byte SHA-256 of {@code bytes}. */
  public static byte[] of(byte[] bytes) {
    return digest().digest(bytes);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256 (every Java SE JVM must)", e);
    }
  }
}
