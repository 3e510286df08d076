package org.radioclr.anomaly.select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;

/**
 * Features ranked by LightGBM gain importance (total loss reduction of the splits on each feature),
 * most important first; ties keep the feature order.
 *
 * <p>File form ({@code importance.csv}): header {@code rank,feature,gain}, one row per feature,
 * rank 1 the most important, gain in Java's shortest round-trip form.
 *
 * @param features feature names by rank (best first)
 * @param gains {@code [features]} gains by rank, non-increasing, finite and >= 0
 */
public record FeatureImportance(List<String> features, double[] gains) {

  /** The CSV header. */
  public static final String HEADER = "rank,feature,gain";

  public FeatureImportance {
    features = List.copyOf(features);
    if (gains.length != features.size()) {
      throw new IllegalArgumentException(
          features.size() + " features but " + gains.length + " gains");
    }
    for (int i = 0; i < gains.length; i++) {
      if (!(gains[i] >= 0) || !Double.isFinite(gains[i])) {
        throw new IllegalArgumentException(
            "gain of " + features.get(i) + " must be finite and >= 0, got " + gains[i]);
      }
      if (i > 0 && gains[i] > gains[i - 1]) {
        throw new IllegalArgumentException(
            "gains must be sorted by rank (non-increasing), got "
                + gains[i - 1]
                + " then "
                + gains[i]);
      }
    }
    gains = gains.clone();
  }

  @Override
  public double[] gains() {
    return gains.clone();
  }

  /** Ranks features given their gains in feature order. */
  public static FeatureImportance rank(List<String> names, double[] gainByFeature) {
    if (names.size() != gainByFeature.length) {
      throw new IllegalArgumentException(
          names.size() + " names but " + gainByFeature.length + " gains");
    }
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -gainByFeature[i]));
    List<String> ranked = new ArrayList<>(order.length);
    double[] g = new double[order.length];
    for (int r = 0; r < order.length; r++) {
      ranked.add(names.get(order[r]));
      g[r] = gainByFeature[order[r]];
    }
    return new FeatureImportance(ranked, g);
  }

  /** The {@code k} most important features (all when fewer). */
  public List<String> top(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    return features.subList(0, Math.min(k, features.size()));
  }

  /** The CSV text. */
  public String toCsv() {
    Csv table = new Csv(HEADER.split(","));
    for (int i = 0; i < gains.length; i++) {
      table.row(i + 1, features.get(i), gains[i]);
    }
    return table.text();
  }

  /** Writes {@link #toCsv()} atomically. */
  public void writeCsv(Path file) {
    AtomicFiles.writeString(file, toCsv());
  }
}
