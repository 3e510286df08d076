package org.radioclr.formats.labels;

/** The object classes of the caesar-mrcnn detector (paper §4.2). */
public enum DetectionClass {
  /** Imaging artefacts around bright sources: rings, spokes. */
  SPURIOUS,
  /** Single-island point-like or slightly resolved source(s) of beam-like shape. */
  COMPACT,
  /** Single-island source with components unlike the beam. */
  EXTENDED,
  /** Extended source of more than one island. */
  EXTENDED_MULTISLAND,
  /** Single-island source badly contaminated by nearby artefacts. */
  FLAGGED;

  /** The label as the paper writes it, e.g. {@code EXTENDED-MULTISLAND}. */
  public String label() {
    return name().replace('_', '-');
  }
}
