package org.radioclr.formats.labels;

import java.util.Arrays;
import java.util.List;

/**
 * The multi-label scheme of hulk frames in the anomaly search (paper §5.1), in id order (0 =
 * BACKGROUND ... 9 = MOSAICKING); the one vocabulary shared by the simulator and the anomaly
 * search.
 */
public enum FrameLabel {
  BACKGROUND,
  COMPACT,
  EXTENDED,
  RADIO_GALAXY,
  DIFFUSE,
  DIFFUSE_LARGE,
  FILAMENT,
  ARTEFACT,
  PECULIAR,
  MOSAICKING;

  /** The label as the paper writes it, e.g. {@code RADIO-GALAXY}. */
  public String label() {
    return name().replace('_', '-');
  }

  /** All ten labels as the paper writes them, in id order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(FrameLabel::label).toList();
  }
}
