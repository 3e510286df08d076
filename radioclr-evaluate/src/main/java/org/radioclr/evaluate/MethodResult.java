package org.radioclr.evaluate;

import java.util.List;
import java.util.Objects;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MeanAndError;

/**
 * One row of the evaluation table: a method's test scores on each split and their mean ± standard
 * error.
 *
 * @param key a short machine name ({@code probe}, {@code knn}, {@code random_probe}, {@code
 *     raw_pixels})
 * @param name the row's label in tables
 * @param description what the row measures, one sentence
 * @param perSplit the test scores of split 1..K
 * @param summary mean ± standard error over the splits
 */
public record MethodResult(
    String key,
    String name,
    String description,
    List<ClassificationMetrics> perSplit,
    MeanAndError summary) {

  public MethodResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    perSplit = List.copyOf(perSplit);
    Objects.requireNonNull(summary, "summary");
  }

  /** Summarises per-split scores. */
  public static MethodResult of(
      String key, String name, String description, List<ClassificationMetrics> perSplit) {
    return new MethodResult(key, name, description, perSplit, MeanAndError.of(perSplit));
  }
}
