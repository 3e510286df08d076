package org.radioclr.anomaly.evaluate;

import java.util.List;
import java.util.Set;
import org.radioclr.formats.labels.FrameLabel;

/**
 * The frame groups of the evaluation (paper §5.2, Fig. 12), from a frame's §5.1 labels:
 *
 * <ul>
 *   <li>{@link #PECULIAR}: labelled PECULIAR;
 *   <li>{@link #COMPLEX}: not peculiar, with EXTENDED, RADIO-GALAXY, DIFFUSE, DIFFUSE-LARGE or
 *       FILAMENT;
 *   <li>{@link #ORDINARY}: labelled, only COMPACT, ARTEFACT, BACKGROUND or MOSAICKING;
 *   <li>{@link #COMPACT_ONLY}: the ordinary frames labelled COMPACT alone (a subset of ORDINARY);
 *   <li>{@link #UNLABELLED}: no labels.
 * </ul>
 *
 * Every frame has one primary group ({@link #primary}: PECULIAR, COMPLEX, ORDINARY or UNLABELLED);
 * COMPACT_ONLY is an extra membership ({@link #isCompactOnly}).
 */
public enum FrameGroup {
  PECULIAR("peculiar"),
  COMPLEX("complex"),
  ORDINARY("ordinary"),
  COMPACT_ONLY("compact-only"),
  UNLABELLED("unlabelled");

  /** Labels that make a non-peculiar frame complex. */
  public static final Set<String> COMPLEX_LABELS =
      Set.of(
          FrameLabel.EXTENDED.label(),
          FrameLabel.RADIO_GALAXY.label(),
          FrameLabel.DIFFUSE.label(),
          FrameLabel.DIFFUSE_LARGE.label(),
          FrameLabel.FILAMENT.label());

  /** The labels an ordinary frame may have. */
  public static final Set<String> ORDINARY_LABELS =
      Set.of(
          FrameLabel.COMPACT.label(),
          FrameLabel.ARTEFACT.label(),
          FrameLabel.BACKGROUND.label(),
          FrameLabel.MOSAICKING.label());

  private final String display;

  FrameGroup(String display) {
    this.display = display;
  }

  /** A short lower-case name for tables and legends, e.g. {@code compact-only}. */
  public String display() {
    return display;
  }

  /**
   * The primary group of a frame with these labels.
   *
   * @throws IllegalArgumentException naming the first label that is not one of the paper's ten
   */
  public static FrameGroup primary(List<String> labels) {
    for (String l : labels) {
      if (!FrameLabel.labels().contains(l)) {
        throw new IllegalArgumentException(
            "unknown frame label '" + l + "'; expected one of " + FrameLabel.labels());
      }
    }
    if (labels.isEmpty()) {
      return UNLABELLED;
    }
    if (labels.contains(FrameLabel.PECULIAR.label())) {
      return PECULIAR;
    }
    for (String l : labels) {
      if (COMPLEX_LABELS.contains(l)) {
        return COMPLEX;
      }
    }
    return ORDINARY;
  }

  /** Whether a frame with these labels is ordinary with COMPACT as its only label. */
  public static boolean isCompactOnly(List<String> labels) {
    return !labels.isEmpty() && labels.stream().allMatch(FrameLabel.COMPACT.label()::equals);
  }
}
