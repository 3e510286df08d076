package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class Sha256Test {
  @TempDir Path tmp;

  @Test
  void matchesTheFipsTestVectors() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hex(new byte[0]));
  }

  @Test
  void fileDigestEqualsByteDigestAcrossBlockBoundaries() throws Exception {
    byte[] bytes = new byte[(1 << 16) * 2 + 17];
    new SplittableRandom(7).nextBytes(bytes);
    Path f = tmp.resolve("data.bin");
    Files.write(f, bytes);
    assertEquals(Sha256.hex(bytes), Sha256.hex(f));
    assertArrayEquals(Sha256.of(bytes), HexFormat.of().parseHex(Sha256.hex(f)));
  }

  @Test
  void aMissingFileIsABadInputNamingIt() {
    Path missing = tmp.resolve("missing.json");
    BadInputException e = assertThrows(BadInputException.class, () -> Sha256.hex(missing));
    assertTrue(e.getMessage().startsWith(missing + ": cannot read"), e.getMessage());
  }
}
