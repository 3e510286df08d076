package org.radioclr.anomaly.evaluate;

/**
 * Frame counts per group (all frames, or those above a threshold).
 *
 * @param all every frame
 * @param peculiar {@link FrameGroup#PECULIAR}
 * @param complex {@link FrameGroup#COMPLEX}
 * @param ordinary {@link FrameGroup#ORDINARY}
 * @param compactOnly {@link FrameGroup#COMPACT_ONLY} (also counted in {@code ordinary})
 * @param unlabelled {@link FrameGroup#UNLABELLED}
 */
public record GroupCounts(
    int all, int peculiar, int complex, int ordinary, int compactOnly, int unlabelled) {

  public GroupCounts {
    if (peculiar < 0 || complex < 0 || ordinary < 0 || unlabelled < 0 || compactOnly < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    if (peculiar + complex + ordinary + unlabelled != all || compactOnly > ordinary) {
      throw new IllegalArgumentException(
          "inconsistent counts: all "
              + all
              + " = peculiar "
              + peculiar
              + " + complex "
              + complex
              + " + ordinary "
              + ordinary
              + " + unlabelled "
              + unlabelled
              + ", compact-only "
              + compactOnly);
    }
  }

  /** Frames with labels: every frame but the unlabelled ones. */
  public int labelled() {
    return all - unlabelled;
  }

  /** The count of one group. */
  public int of(FrameGroup g) {
    return switch (g) {
      case PECULIAR -> peculiar;
      case COMPLEX -> complex;
      case ORDINARY -> ordinary;
      case COMPACT_ONLY -> compactOnly;
      case UNLABELLED -> unlabelled;
    };
  }
}
