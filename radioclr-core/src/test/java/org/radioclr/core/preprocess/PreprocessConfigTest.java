package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessConfigTest {

  @Test
  void paperDefaults() {
    PreprocessConfig c = PreprocessConfig.paper();
    assertEquals(3, c.channelCount());
    assertEquals(0.3, c.maxInvalidFraction(), 0.0);
    assertEquals(224, c.outputWidth());
    assertEquals(224, c.outputHeight());
    assertEquals(
        List.of(new SigmaClipStage(5, 30, 5), new MinMaxStage()), c.channels().get(0).stages());
    assertEquals(
        List.of(new ZScaleStage(1000, 0.25, 0.5, 5, 2.5, 5), new MinMaxStage()),
        c.channels().get(1).stages());
    assertEquals(
        List.of(new ZScaleStage(1000, 0.4, 0.5, 5, 2.5, 5), new MinMaxStage()),
        c.channels().get(2).stages());
  }

  @Test
  void withersChangeOneThing() {
    PreprocessConfig c = PreprocessConfig.paper().withResize(false);
    assertFalse(c.resize());
    assertEquals(PreprocessConfig.paper().channels(), c.channels());
    PreprocessConfig s = c.withOutputSize(128, 96);
    assertEquals(true, s.resize());
    assertEquals(128, s.outputWidth());
    assertEquals(96, s.outputHeight());
    assertEquals(0.5, s.withMaxInvalidFraction(0.5).maxInvalidFraction(), 0.0);
  }

  @Test
  void channelsAreCopied() {
    List<ChannelRecipe> list = new ArrayList<>(PreprocessConfig.paperChannels());
    PreprocessConfig c = PreprocessConfig.paper().withChannels(list);
    list.clear();
    assertEquals(3, c.channelCount());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PreprocessConfig.paper().withMaxInvalidFraction(1.0));
    assertEquals("max_invalid_fraction must be in [0,1), got 1.0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> PreprocessConfig.paper().withOutputSize(0, 10));
    assertThrows(
        IllegalArgumentException.class, () -> PreprocessConfig.paper().withChannels(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ChannelRecipe(" ", List.of()));
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> new ChannelRecipe("x", List.of()));
    assertEquals("channel 'x' needs at least one stage", empty.getMessage());
  }
}
