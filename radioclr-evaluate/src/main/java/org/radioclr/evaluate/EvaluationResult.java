package org.radioclr.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.core.io.SkippedImages;

/**
 * What {@link Evaluation#run} measured.
 *
 * @param config the settings
 * @param checkpoint the checkpoint folder the encoder was loaded from
 * @param architecture the network in a few words ({@code standard stem, 3 channels, ...})
 * @param imageSize the side of the network's input, pixels
 * @param snames the evaluated images, in datalist order (split rows index into this)
 * @param labels {@code [images]} class index of each
 * @param splits the K draws, shared by every method
 * @param methods the table's rows: probe, kNN, random weights, raw pixels
 * @param skipped images left out because they could not be read or pre-processed
 * @param unlabelled datalist entries left out for having no label
 * @param randomCheckpoint the random-weights checkpoint written for the baseline
 * @param seconds wall time of the whole evaluation
 */
public record EvaluationResult(
    EvaluationConfig config,
    Path checkpoint,
    String architecture,
    int imageSize,
    List<String> snames,
    int[] labels,
    BalancedSplits splits,
    List<MethodResult> methods,
    List<SkippedImages.Entry> skipped,
    int unlabelled,
    Path randomCheckpoint,
    double seconds) {

  public EvaluationResult {
    Objects.requireNonNull(config, "config");
    snames = List.copyOf(snames);
    labels = labels.clone();
    methods = List.copyOf(methods);
    skipped = List.copyOf(skipped);
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** The method with this key. */
  public MethodResult method(String key) {
    return methods.stream()
        .filter(m -> m.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no method '" + key + "'"));
  }

  /** The class names, in index order. */
  public List<String> classes() {
    return splits.classes();
  }
}
