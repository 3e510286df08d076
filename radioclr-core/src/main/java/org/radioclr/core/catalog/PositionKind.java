package org.radioclr.core.catalog;

/** Where a catalogue gives the source positions. */
public enum PositionKind {
  /** Sky if right ascension and declination columns are found, else pixel, else box centre. */
  AUTO,
  /** Right ascension and declination columns, degrees. */
  SKY,
  /** Pixel x and y columns. */
  PIXEL,
  /** The centre of the pixel bounding box {@code xmin, xmax, ymin, ymax}. */
  BOX_CENTRE
}
