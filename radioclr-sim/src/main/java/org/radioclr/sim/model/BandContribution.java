package org.radioclr.sim.model;

/**
 * Something added into a map while it is written band by band: a source's noiseless, beam-convolved
 * model (a stamp), an artefact pattern. The writer asks each contribution whose row range meets a
 * band to add itself there.
 *
 * <p>Implementations must be thread-safe for concurrent {@link #addTo} calls on different bands
 * (normally they are immutable) and must add only to their own pixels, clipping to the band and to
 * the map width; values are Jy/beam.
 */
public interface BandContribution {

  /** First map row this contribution touches. */
  int yMin();

  /** Last map row this contribution touches (inclusive). */
  int yMax();

  /**
   * Adds this contribution's values to the band {@code band[(y - bandY0) * width + x]} for rows
   * {@code y} in {@code [bandY0, bandY0 + rows)} and columns {@code x} in {@code [0, width)}.
   */
  void addTo(float[] band, int bandY0, int rows, int width);
}
