package org.radioclr.sim.products;

/**
 * How {@link FrameLabeler} turns the truth into the frame labels of the paper's §5.1.
 *
 * <p>A source <em>counts</em> in a frame when its peak SNR is at least {@code minSnr} (fainter ones
 * are not visible to an annotator) and it is <em>present</em>: at least {@code presenceFraction} of
 * its mask pixels lie in the frame, or at least {@code presenceBeams} beam areas of them do (so a
 * large source only partly in the frame still counts). A source is <em>extended</em> when its whole
 * mask covers at least {@code extendedBeams} beam areas (the paper's "10 times the beam") or its
 * detection class is EXTENDED or EXTENDED-MULTISLAND. A DIFFUSE-LARGE source is labelled
 * DIFFUSE-LARGE when its pixels in the frame cover at least {@code diffuseLargeFraction} of the
 * frame, else DIFFUSE.
 *
 * @param minSnr smallest peak SNR of a source that counts (5)
 * @param presenceFraction fraction of a mask that must be in the frame, in (0, 1] (0.5)
 * @param presenceBeams beam areas of mask in the frame that suffice, {@code > 0} (3)
 * @param extendedBeams mask size in beam areas from which a source is extended, {@code > 0} (10)
 * @param diffuseLargeFraction frame fraction a large diffuse region must cover, in (0, 1] (0.25)
 */
public record FrameLabelRules(
    double minSnr,
    double presenceFraction,
    double presenceBeams,
    double extendedBeams,
    double diffuseLargeFraction) {

  /** The defaults above. */
  public static final FrameLabelRules DEFAULT = new FrameLabelRules(5, 0.5, 3, 10, 0.25);

  public FrameLabelRules {
    if (!(minSnr >= 0) || Double.isInfinite(minSnr)) {
      throw new IllegalArgumentException("minimum SNR must be finite and >= 0, got " + minSnr);
    }
    if (!(presenceFraction > 0 && presenceFraction <= 1)) {
      throw new IllegalArgumentException(
          "presence fraction must be in (0, 1], got " + presenceFraction);
    }
    if (!(presenceBeams > 0) || Double.isInfinite(presenceBeams)) {
      throw new IllegalArgumentException(
          "presence beams must be finite and > 0, got " + presenceBeams);
    }
    if (!(extendedBeams > 0) || Double.isInfinite(extendedBeams)) {
      throw new IllegalArgumentException(
          "extended size must be finite and > 0 beams, got " + extendedBeams);
    }
    if (!(diffuseLargeFraction > 0 && diffuseLargeFraction <= 1)) {
      throw new IllegalArgumentException(
          "diffuse-large frame fraction must be in (0, 1], got " + diffuseLargeFraction);
    }
  }
}
