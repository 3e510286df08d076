package org.radioclr.anomaly.iforest;

import java.util.Locale;

/**
 * Settings of an Isolation Forest fit, with scikit-learn's meanings.
 *
 * @param trees number of trees (scikit-learn's {@code n_estimators}), &ge; 1
 * @param maxSamples rows drawn without replacement for each tree
 * @param contamination how the outlier threshold is set
 * @param seed seed of every random choice (row draws, split features and values)
 */
public record IsolationForestConfig(
    int trees, MaxSamples maxSamples, Contamination contamination, long seed) {

  /** The paper's number of trees (§5.2). */
  public static final int DEFAULT_TREES = 200;

  /** Validates the fields. */
  public IsolationForestConfig {
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1, got " + trees);
    }
    if (maxSamples == null) {
      throw new IllegalArgumentException("maxSamples must be given");
    }
    if (contamination == null) {
      throw new IllegalArgumentException("contamination must be given");
    }
  }

  /** 200 trees, {@code max_samples='auto'}, {@code contamination='auto'}. */
  public static IsolationForestConfig defaults(long seed) {
    return new IsolationForestConfig(DEFAULT_TREES, MaxSamples.AUTO, Contamination.AUTO, seed);
  }

  /** A copy with another contamination (it moves the threshold only, not the trees). */
  public IsolationForestConfig withContamination(Contamination c) {
    return new IsolationForestConfig(trees, maxSamples, c, seed);
  }

  /**
   * Rows per tree: {@code auto} = min(256, n) as scikit-learn; a fraction f in (0, 1] of n; or a
   * count. The resolved count is clamped to [2, n] (scikit-learn also caps a count at n; a tree
   * needs two rows).
   *
   * @param kind which of the three
   * @param value the fraction or count; ignored for {@code AUTO} (0)
   */
  public record MaxSamples(Kind kind, double value) {
    /** How the value is read. */
    public enum Kind {
      /** min(256, n). */
      AUTO,
      /** a fraction of the rows. */
      FRACTION,
      /** a number of rows. */
      COUNT
    }

    /** scikit-learn's default. */
    public static final MaxSamples AUTO = new MaxSamples(Kind.AUTO, 0);

    /** Validates the value for its kind. */
    public MaxSamples {
      if (kind == null) {
        throw new IllegalArgumentException("max-samples kind must be given");
      }
      switch (kind) {
        case AUTO -> value = 0;
        case FRACTION -> {
          if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(
                "max-samples fraction must be in (0, 1], got " + value);
          }
        }
        case COUNT -> {
          if (!(value >= 2) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                "max-samples count must be a whole number >= 2, got " + value);
          }
        }
      }
    }

    /** A fraction of the rows. */
    public static MaxSamples fraction(double f) {
      return new MaxSamples(Kind.FRACTION, f);
    }

    /** A number of rows. */
    public static MaxSamples count(int c) {
      return new MaxSamples(Kind.COUNT, c);
    }

    /**
     * Parses {@code auto}, a fraction with a decimal point ({@code 0.02}, {@code 1.0}) or a count
     * ({@code 256}).
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static MaxSamples parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.equals("auto")) {
        return AUTO;
      }
      try {
        if (t.matches("[0-9]+")) {
          return count(Integer.parseInt(t));
        }
        return fraction(Double.parseDouble(t));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "max-samples must be 'auto', a fraction in (0, 1] or a count >= 2, got '" + text + "'");
      }
    }

    /** The number of rows per tree for a table of {@code n} rows (n &ge; 2). */
    public int resolve(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("an Isolation Forest needs >= 2 rows, got " + n);
      }
      long psi =
          switch (kind) {
            case AUTO -> Math.min(256, n);
            case FRACTION -> (long) (value * n);
            case COUNT -> (long) value;
          };
      return (int) Math.max(2, Math.min(n, psi));
    }

    @Override
    public String toString() {
      return switch (kind) {
        case AUTO -> "auto";
        case FRACTION -> Double.toString(value);
        case COUNT -> Long.toString((long) value);
      };
    }
  }

  /**
   * The share of outliers expected: {@code auto} flags scores above 0.5 (scikit-learn's offset
   * −0.5); a fraction c in (0, 0.5] puts the threshold at the (1 − c) quantile of the training
   * scores.
   *
   * @param fraction c, or {@code NaN} for {@code auto}
   */
  public record Contamination(double fraction) {
    /** scikit-learn's default. */
    public static final Contamination AUTO = new Contamination(Double.NaN);

    /** Validates the fraction. */
    public Contamination {
      if (!Double.isNaN(fraction) && !(fraction > 0 && fraction <= 0.5)) {
        throw new IllegalArgumentException(
            "contamination must be 'auto' or a fraction in (0, 0.5], got " + fraction);
      }
    }

    /** Whether this is {@code auto}. */
    public boolean isAuto() {
      return Double.isNaN(fraction);
    }

    /**
     * Parses {@code auto} or a fraction ({@code 0.001}).
     *
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static Contamination parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.equals("auto")) {
        return AUTO;
      }
      try {
        return new Contamination(Double.parseDouble(t));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "contamination must be 'auto' or a fraction in (0, 0.5], got '" + text + "'");
      }
    }

    @Override
    public String toString() {
      return isAuto() ? "auto" : Double.toString(fraction);
    }
  }
}
