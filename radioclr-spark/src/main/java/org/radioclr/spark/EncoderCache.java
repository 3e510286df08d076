package org.radioclr.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.LoadedModel;

/**
 * The encoders of this JVM (a Spark executor, or the driver in local mode): each checkpoint is
 * loaded once, on first use, and shared by every task that runs here; each task wraps it in its own
 * {@link org.radioclr.nn.features.FeatureExtractor#sharing extractor} (its own native memory and
 * parameter store, like a DJL predictor). The models stay loaded until {@link #closeAll} or the JVM
 * ends.
 */
public final class EncoderCache {
  private static final Map<Path, LoadedModel> MODELS = new ConcurrentHashMap<>();

  private EncoderCache() {}

  /**
   * The model of {@code runOrCheckpoint} (a run resolves to its latest checkpoint), loaded on
   * {@link Engines#bestDevice()} the first time it is asked for in this JVM.
   *
   * @throws org.radioclr.core.BadInputException naming the folder when it cannot be loaded
   */
  public static LoadedModel get(Path runOrCheckpoint) {
    return MODELS.computeIfAbsent(
        runOrCheckpoint.toAbsolutePath().normalize(),
        p -> Checkpoint.load(p, Engines.bestDevice()));
  }

  /** The number of models loaded in this JVM. */
  public static int size() {
    return MODELS.size();
  }

  /** Closes and forgets every model (no task may be using one). */
  public static synchronized void closeAll() {
    List<LoadedModel> all = new ArrayList<>(MODELS.values());
    MODELS.clear();
    all.forEach(LoadedModel::close);
  }
}
