package org.radioclr.anomaly.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.Records;

/**
 * Settings of the LightGBM feature selection (paper §5.2): shallow trees ({@code max_depth} 2),
 * LightGBM's defaults otherwise ({@code num_leaves} 32 as in the paper, {@code min_data_in_leaf}
 * 20, learning rate 0.1), early stopping on a seeded stratified held-out part of the labelled
 * frames (validation binary log-loss, stopping after {@code patience} rounds without improvement).
 * Written into a selection's {@code summary.json} through {@link org.radioclr.core.io.Json} (keys
 * in snake_case, e.g. {@code "min_data_in_leaf"}).
 *
 * @param positives the labels of "interesting" frames; a frame with any of them is positive
 * @param topK the sizes of the top-k feature lists to write, each >= 1, ascending and distinct
 * @param seed seeds the held-out split and every LightGBM seed
 * @param validationFraction the held-out fraction of each class, in (0, 1)
 * @param patience rounds without a better validation log-loss before stopping, >= 1
 * @param maxRounds most boosting rounds, >= 1
 * @param maxDepth tree depth limit, >= 1
 * @param numLeaves leaves per tree, >= 2
 * @param minDataInLeaf rows per leaf, >= 1
 * @param learningRate shrinkage, > 0
 * @param threads LightGBM threads, >= 1 (results are deterministic for a given thread count)
 */
public record SelectConfig(
    List<String> positives,
    List<Integer> topK,
    long seed,
    double validationFraction,
    int patience,
    int maxRounds,
    int maxDepth,
    int numLeaves,
    int minDataInLeaf,
    double learningRate,
    int threads) {

  /** The paper's "interesting" labels. */
  public static final List<String> PAPER_POSITIVES =
      List.of("EXTENDED", "DIFFUSE", "DIFFUSE-LARGE");

  /** The paper's feature-set sizes (Table 4). */
  public static final List<Integer> PAPER_TOP_K = List.of(2, 5, 10, 15);

  public SelectConfig {
    positives = List.copyOf(Objects.requireNonNull(positives, "positives"));
    if (positives.isEmpty()) {
      throw new IllegalArgumentException("positives must name at least one label, got none");
    }
    for (String p : positives) {
      if (p.isBlank()) {
        throw new IllegalArgumentException("positive labels must be non-blank, got " + positives);
      }
    }
    topK = List.copyOf(Objects.requireNonNull(topK, "topK"));
    List<Integer> sorted = new ArrayList<>(topK);
    sorted.sort(null);
    if (topK.isEmpty()
        || topK.get(0) < 1
        || !sorted.equals(topK)
        || topK.stream().distinct().count() != topK.size()) {
      throw new IllegalArgumentException(
          "top-k sizes must be >= 1, ascending and distinct, got " + topK);
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in (0, 1), got " + validationFraction);
    }
    requireAtLeast("patience", patience, 1);
    requireAtLeast("max rounds", maxRounds, 1);
    requireAtLeast("max depth", maxDepth, 1);
    requireAtLeast("num leaves", numLeaves, 2);
    requireAtLeast("min data in leaf", minDataInLeaf, 1);
    requireAtLeast("threads", threads, 1);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
  }

  /** The paper's settings with the given seed, on one thread. */
  public static SelectConfig paper(long seed) {
    return new SelectConfig(PAPER_POSITIVES, PAPER_TOP_K, seed, 0.2, 20, 1000, 2, 32, 20, 0.1, 1);
  }

  /** A copy with other positive labels. */
  public SelectConfig withPositives(List<String> newPositives) {
    return Records.with(this, "positives", newPositives);
  }

  /** A copy with other top-k sizes. */
  public SelectConfig withTopK(List<Integer> newTopK) {
    return Records.with(this, "topK", newTopK);
  }

  /** A copy with another thread count. */
  public SelectConfig withThreads(int newThreads) {
    return Records.with(this, "threads", newThreads);
  }

  /** The LightGBM parameter string of the booster. */
  String boosterParameters() {
    return "objective=binary metric=binary_logloss"
        + " max_depth="
        + maxDepth
        + " num_leaves="
        + numLeaves
        + " min_data_in_leaf="
        + minDataInLeaf
        + " learning_rate="
        + learningRate
        + " deterministic=true force_row_wise=true num_threads="
        + threads
        + " seed="
        + seed
        + " verbosity=-1";
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }
}
