package org.radioclr.core.catalog;

/** Where a catalogue gives the source sizes. */
public enum SizeKind {
  /** A pixel bounding box if its four columns are found, else a major-axis column. */
  AUTO,
  /** Pixel bounding box columns {@code xmin, xmax, ymin, ymax}. */
  BOX,
  /** Major (and optionally minor) axis columns, in a {@link SizeUnit}. */
  AXES,
  /** No size: every source gets {@link SourceSize.Unknown} (fixed-size cutouts). */
  NONE
}
