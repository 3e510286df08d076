package org.radioclr.formats.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLabelTest {
  @Test
  void labelsAreThePapersTenInIdOrder() {
    assertEquals(
        List.of(
            "BACKGROUND",
            "COMPACT",
            "EXTENDED",
            "RADIO-GALAXY",
            "DIFFUSE",
            "DIFFUSE-LARGE",
            "FILAMENT",
            "ARTEFACT",
            "PECULIAR",
            "MOSAICKING"),
        FrameLabel.labels());
    assertEquals("RADIO-GALAXY", FrameLabel.RADIO_GALAXY.label());
    assertEquals(8, FrameLabel.PECULIAR.ordinal());
  }
}
