package org.radioclr.anomaly.evaluate;

import java.util.List;
import java.util.Objects;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;

/**
 * The group of every frame of a table: its primary group ({@link FrameGroup#primary}) and whether
 * it is also {@link FrameGroup#COMPACT_ONLY}.
 *
 * @param primary {@code [frames]} PECULIAR, COMPLEX, ORDINARY or UNLABELLED
 * @param compactOnly {@code [frames]} whether the frame is also COMPACT_ONLY (then ORDINARY)
 */
public record FrameGroups(FrameGroup[] primary, boolean[] compactOnly) {

  public FrameGroups {
    if (compactOnly.length != primary.length) {
      throw new IllegalArgumentException(
          "lengths differ: "
              + primary.length
              + " groups, "
              + compactOnly.length
              + " compact-only flags");
    }
    for (int i = 0; i < primary.length; i++) {
      Objects.requireNonNull(primary[i], "group");
      if (primary[i] == FrameGroup.COMPACT_ONLY) {
        throw new IllegalArgumentException("COMPACT_ONLY is not a primary group (frame " + i + ")");
      }
      if (compactOnly[i] && primary[i] != FrameGroup.ORDINARY) {
        throw new IllegalArgumentException(
            "a compact-only frame must be ORDINARY (frame " + i + ")");
      }
    }
    primary = primary.clone();
    compactOnly = compactOnly.clone();
  }

  @Override
  public FrameGroup[] primary() {
    return primary.clone();
  }

  @Override
  public boolean[] compactOnly() {
    return compactOnly.clone();
  }

  /** Number of frames. */
  public int size() {
    return primary.length;
  }

  /** The primary group of frame {@code i}. */
  public FrameGroup of(int i) {
    return primary[i];
  }

  /** Whether frame {@code i} is also COMPACT_ONLY. */
  public boolean isCompactOnly(int i) {
    return compactOnly[i];
  }

  /**
   * The groups of these frames by their labels (a frame without labels is UNLABELLED).
   *
   * @throws BadInputException naming the labels' file when a label is not one of the paper's ten
   */
  public static FrameGroups of(List<String> snames, FrameLabels labels) {
    int n = snames.size();
    FrameGroup[] g = new FrameGroup[n];
    boolean[] c = new boolean[n];
    for (int i = 0; i < n; i++) {
      String s = snames.get(i);
      List<String> l = labels.of(s);
      try {
        g[i] = FrameGroup.primary(l);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(labels.source(), "frame '" + s + "': " + e.getMessage(), e);
      }
      c[i] = FrameGroup.isCompactOnly(l);
    }
    return new FrameGroups(g, c);
  }

  /** All frames per group. */
  public GroupCounts totals() {
    return count(null);
  }

  /**
   * The selected frames per group.
   *
   * @param selected {@code [frames]}, or {@code null} for every frame
   */
  public GroupCounts count(boolean[] selected) {
    if (selected != null && selected.length != primary.length) {
      throw new IllegalArgumentException(
          primary.length + " frames but " + selected.length + " selection flags");
    }
    int[] a = new int[FrameGroup.values().length];
    int all = 0;
    for (int i = 0; i < primary.length; i++) {
      if (selected == null || selected[i]) {
        all++;
        a[primary[i].ordinal()]++;
        if (compactOnly[i]) {
          a[FrameGroup.COMPACT_ONLY.ordinal()]++;
        }
      }
    }
    return counts(a, all);
  }

  /** Counts from per-group tallies indexed by {@link FrameGroup#ordinal()}. */
  static GroupCounts counts(int[] a, int all) {
    return new GroupCounts(
        all,
        a[FrameGroup.PECULIAR.ordinal()],
        a[FrameGroup.COMPLEX.ordinal()],
        a[FrameGroup.ORDINARY.ordinal()],
        a[FrameGroup.COMPACT_ONLY.ordinal()],
        a[FrameGroup.UNLABELLED.ordinal()]);
  }
}
