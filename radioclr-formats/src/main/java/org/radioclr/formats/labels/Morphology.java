package org.radioclr.formats.labels;

/** What kind of object a simulated source is; {@link #family()} groups them. */
public enum Morphology {
  POINT(Family.COMPACT),
  RESOLVED(Family.COMPACT),
  CLOSE_DOUBLE(Family.COMPACT),
  CLOSE_TRIPLE(Family.COMPACT),
  FR1(Family.RADIO_GALAXY),
  FR2(Family.RADIO_GALAXY),
  FR2_MULTI_ISLAND(Family.RADIO_GALAXY),
  WAT(Family.RADIO_GALAXY),
  NAT(Family.RADIO_GALAXY),
  DOUBLE_DOUBLE(Family.RADIO_GALAXY),
  DIFFUSE_BLOB(Family.DIFFUSE),
  DIFFUSE_LARGE(Family.DIFFUSE),
  HII_REGION(Family.DIFFUSE),
  SNR_SHELL(Family.DIFFUSE),
  FILAMENT(Family.DIFFUSE),
  ORC(Family.PECULIAR),
  X_SHAPED(Family.PECULIAR),
  PECULIAR_OTHER(Family.PECULIAR),
  ARTEFACT_RING(Family.ARTEFACT),
  ARTEFACT_SPOKES(Family.ARTEFACT);

  /** Broad groups, used for class mixes and frame labels. */
  public enum Family {
    COMPACT,
    RADIO_GALAXY,
    DIFFUSE,
    PECULIAR,
    ARTEFACT
  }

  private final Family family;

  Morphology(Family family) {
    this.family = family;
  }

  public Family family() {
    return family;
  }

  /** The name as written in catalogues: lower case with hyphens, e.g. {@code fr2-multi-island}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
