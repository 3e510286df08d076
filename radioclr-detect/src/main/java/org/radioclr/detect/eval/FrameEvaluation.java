package org.radioclr.detect.eval;

import java.util.List;
import java.util.function.BiConsumer;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.Detector;
import org.radioclr.detect.Instance;
import org.radioclr.detect.data.Frame;

/** Runs a {@link Detector} over annotated frames and scores it with {@link CaesarEvaluator}. */
public final class FrameEvaluation {
  private FrameEvaluation() {}

  /** The figures of {@code detector} on {@code frames}. */
  public static DetectionMetrics run(
      List<Frame> frames, Detector detector, EvalConfig config, ProgressListener progress) {
    return run(frames, detector, config, progress, (f, kept) -> {});
  }

  /**
   * The figures of {@code detector} on {@code frames}, handing each frame's kept detections (after
   * the post-processing) to {@code kept}.
   */
  public static DetectionMetrics run(
      List<Frame> frames,
      Detector detector,
      EvalConfig config,
      ProgressListener progress,
      BiConsumer<Frame, List<Instance>> kept) {
    CaesarEvaluator e = new CaesarEvaluator(config);
    progress.start("evaluating " + frames.size() + " frames", frames.size());
    try {
      for (Frame f : frames) {
        kept.accept(f, e.add(f.truth(), detector.detect(f)));
        progress.advance(1);
      }
    } finally {
      progress.finish();
    }
    return e.metrics();
  }
}
