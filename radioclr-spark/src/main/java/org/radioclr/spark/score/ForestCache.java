package org.radioclr.spark.score;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.radioclr.anomaly.iforest.IsolationForest;

/**
 * The Isolation Forests of this JVM (a Spark executor, or the driver in local mode): each saved
 * model is read once, on first use, and shared by every task that runs here (a forest is immutable;
 * each task scores through its own {@link org.radioclr.anomaly.iforest.ForestScorer}).
 */
public final class ForestCache {
  private static final Map<Path, IsolationForest> FORESTS = new ConcurrentHashMap<>();

  private ForestCache() {}

  /**
   * The forest saved in {@code file}, read the first time it is asked for in this JVM.
   *
   * @throws org.radioclr.core.BadInputException naming the file when it cannot be read
   */
  public static IsolationForest get(Path file) {
    return FORESTS.computeIfAbsent(file.toAbsolutePath().normalize(), IsolationForest::load);
  }

  /** The number of forests read in this JVM. */
  public static int size() {
    return FORESTS.size();
  }

  /** Forgets every forest. */
  public static void clear() {
    FORESTS.clear();
  }
}
