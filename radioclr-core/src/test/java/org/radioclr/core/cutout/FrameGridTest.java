package org.radioclr.core.cutout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameGridTest {
  @Test
  void halfOverlapOrigins() {
    assertArrayEquals(new int[] {0, 128, 256, 384, 512, 640}, FrameGrid.origins(1000, 256, 128));
    assertArrayEquals(new int[] {0, 128, 256}, FrameGrid.origins(512, 256, 128));
    assertArrayEquals(new int[] {0}, FrameGrid.origins(256, 256, 128));
    assertArrayEquals(new int[0], FrameGrid.origins(255, 256, 128));
  }

  @Test
  void rejectsNonPositive() {
    assertThrows(IllegalArgumentException.class, () -> FrameGrid.origins(100, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> FrameGrid.origins(100, 10, 0));
  }
}
