package org.radioclr.anomaly.labels;

import java.util.List;

/** The frame labels of the paper's anomaly data set (§5.1), in the simulator's id order. */
public final class FrameLabelNames {
  private FrameLabelNames() {}

  public static final String BACKGROUND = "BACKGROUND";
  public static final String COMPACT = "COMPACT";
  public static final String EXTENDED = "EXTENDED";
  public static final String RADIO_GALAXY = "RADIO-GALAXY";
  public static final String DIFFUSE = "DIFFUSE";
  public static final String DIFFUSE_LARGE = "DIFFUSE-LARGE";
  public static final String FILAMENT = "FILAMENT";
  public static final String ARTEFACT = "ARTEFACT";
  public static final String PECULIAR = FrameLabels.PECULIAR;
  public static final String MOSAICKING = "MOSAICKING";

  /** All ten, in id order (0 = BACKGROUND ... 9 = MOSAICKING). */
  public static final List<String> ALL =
      List.of(
          BACKGROUND,
          COMPACT,
          EXTENDED,
          RADIO_GALAXY,
          DIFFUSE,
          DIFFUSE_LARGE,
          FILAMENT,
          ARTEFACT,
          PECULIAR,
          MOSAICKING);
}
