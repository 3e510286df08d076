package org.radioclr.sim.model;

/** The multi-label scheme of hulk frames in the anomaly search (paper §5.1). */
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
}
