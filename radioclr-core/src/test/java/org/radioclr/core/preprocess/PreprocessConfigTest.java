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
  void paperRecipeReadsLikeAMethodsSection() {
    assertEquals(
        "channel 1: sigma-clipped (5σ lower, 30σ upper) then min–max scaled to [0, 1];"
            + " channel 2: zscale (contrast 0.25) then min–max scaled to [0, 1];"
            + " channel 3: zscale (contrast 0.4) then min–max scaled to [0, 1];"
            + " each channel resized to 224×224 px (bilinear, antialiased when shrinking);"
            + " images with more than 30% blank or NaN pixels rejected",
        PreprocessConfig.paper().describe());
    assertEquals(
        "channel 1: sigma-clipped (5 sigma lower, 30 sigma upper) then min-max scaled to [0, 1];"
            + " channel 2: zscale (contrast 0.25) then min-max scaled to [0, 1];"
            + " channel 3: zscale (contrast 0.4) then min-max scaled to [0, 1];"
            + " each channel resized to 64x64 px (bilinear, antialiased when shrinking);"
            + " images with more than 30% blank or NaN pixels rejected",
        RecipeText.ascii(PreprocessConfig.paper().withOutputSize(64, 64).describe()));
  }

  @Test
  void describeNamesOnlyTheParametersThatDifferFromTheDefaults() {
    assertEquals(
        "sigma-clipped (3σ lower, 3.5σ upper, at most 10 iterations)",
        new SigmaClipStage(3, 3.5, 10).describe());
    assertEquals(
        "zscale (contrast 1, 500 samples, max reject 0.25, min pixels 10, krej 3,"
            + " at most 2 iterations)",
        new ZScaleStage(500, 1, 0.25, 10, 3, 2).describe());
    assertEquals("min–max scaled to [0, 1]", new MinMaxStage().describe());
    PreprocessConfig c =
        new PreprocessConfig(
            List.of(ChannelRecipe.of("raw", new MinMaxStage())), 0.125, false, 10, 10, null);
    assertEquals(
        "channel 1: min–max scaled to [0, 1]; each channel kept at the input size;"
            + " images with more than 12.5% blank or NaN pixels rejected",
        c.describe());
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
