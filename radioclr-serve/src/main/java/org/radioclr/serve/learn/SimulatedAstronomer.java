package org.radioclr.serve.learn;

/**
 * An astronomer who knows the truth: rates a frame {@value #ANOMALY_RATING} when it is a true
 * anomaly (labelled PECULIAR in the simulator's anomaly set) and {@value #ORDINARY_RATING}
 * otherwise (every other label, and unlabelled frames), on the review app's 0–5 scale.
 */
public final class SimulatedAstronomer {
  /** The rating of a true anomaly: the top of the scale. */
  public static final double ANOMALY_RATING = 5;

  /** The rating of every other frame. */
  public static final double ORDINARY_RATING = 0;

  private final boolean[] anomalous;

  /**
   * @param anomalous {@code [n]} whether each row is a true anomaly
   */
  public SimulatedAstronomer(boolean[] anomalous) {
    this.anomalous = anomalous.clone();
  }

  /** Number of rows. */
  public int size() {
    return anomalous.length;
  }

  /** Whether a row is a true anomaly. */
  public boolean isAnomaly(int row) {
    return anomalous[row];
  }

  /** Number of true anomalies. */
  public int anomalies() {
    int c = 0;
    for (boolean a : anomalous) {
      c += a ? 1 : 0;
    }
    return c;
  }

  /** The rating given to a row. */
  public double rate(int row) {
    return anomalous[row] ? ANOMALY_RATING : ORDINARY_RATING;
  }
}
