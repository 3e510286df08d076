package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResNet18ConfigTest {
  @Test
  void factories() {
    assertEquals(new ResNet18Config(3, false, 1000), ResNet18Config.imagenet());
    assertEquals(new ResNet18Config(3, false, 0), ResNet18Config.encoder());
    assertEquals(new ResNet18Config(3, true, 0), ResNet18Config.encoder(true));
    assertTrue(ResNet18Config.imagenet().hasClassifier());
    assertFalse(ResNet18Config.encoder().hasClassifier());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ResNet18Config(0, false, 0));
    assertEquals("inputChannels must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ResNet18Config(3, false, -1));
    assertTrue(e.getMessage().contains("got -1"), e.getMessage());
  }
}
