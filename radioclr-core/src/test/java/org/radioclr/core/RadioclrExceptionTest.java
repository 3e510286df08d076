package org.radioclr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class RadioclrExceptionTest {
  @Test
  void describeGivesTheFirstNonBlankMessageInTheCauseChain() {
    assertEquals("a.bin", RadioclrException.describe(new NoSuchFileException("a.bin")));
    assertEquals(
        "disk full",
        RadioclrException.describe(new IOException(" ", new IOException("disk full"))));
  }

  @Test
  void describeNamesTheKindWhenNoMessageIsThere() {
    assertEquals("EOFException", RadioclrException.describe(new EOFException()));
  }
}
