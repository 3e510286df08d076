package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Provenance;
import org.radioclr.detect.Instance;
import org.radioclr.detect.data.DetectionSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.data.Predictions;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.eval.EvaluationReport;
import org.radioclr.detect.eval.FrameEvaluation;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr detect evaluate}: the caesar-mrcnn figures of detections against the truth. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score detections against annotated frames with caesar-mrcnn's protocol: detections scoring"
          + " below 0.5 dropped, touching same-class detections with mask IoU >= 0.3 merged, the"
          + " best-scoring one of each touching clique kept, each true object matched to the"
          + " detection of highest mask IoU >= 0.6. Per class and for SOURCE (compact, extended,"
          + " extended-multisland): completeness, reliability, F1. The detections come from a"
          + " prediction set (--pred: what detect run or detect islands wrote for the frames, or a"
          + " caesar-mrcnn annotation list with scores), or from a trained detector (--model) and"
          + " the island finder, run here. Writes --out/metrics.json, classes.png (per-class"
          + " bars), report.html (table, plot, truth and detections drawn on sample frames) and"
          + " prints the table."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect run --model det/model test/*.fits --out found",
      "  radioclr detect evaluate --pred found --truth test/datalist.json --out eval",
      "  radioclr detect evaluate --data test/datalist.json --model det/model --out eval"
    })
final class DetectEvaluateCommand implements Callable<Integer> {
  /** Sample frames drawn in the report, per detector. */
  private static final int SAMPLES = 4;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"--truth", "--data"},
      required = true,
      paramLabel = "LIST",
      description = "Annotated frames (datalist, caesar-mrcnn file list or one annotation).")
  Path data;

  @Option(
      names = "--pred",
      paramLabel = "P",
      description =
          "Predictions: a detect run/islands output folder (its caesar/*.json) or an annotation"
              + " list; matched to the true frames by image file.")
  Path pred;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "A detector model folder or a shipped detector's name (radioclr-detect-sim-v1).")
  Path model;

  @Option(
      names = "--baseline",
      description = "Also score the island finder (the default without --pred).")
  boolean baseline;

  @Mixin GroupingOptions grouping;

  @Mixin IslandOptions islandOptions;

  @Mixin OutFolderOption output;

  @Override
  public Integer call() {
    IslandConfig islands = islandOptions.resolve();
    Grouping groups = grouping.resolve();
    Path out = output.requireEmpty();
    PrintWriter o = spec.commandLine().getOut();
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    List<Frame> frames = DetectionSet.read(data);
    Map<String, DetectionMetrics> results = new LinkedHashMap<>();
    EvaluationReport.Samples samples = new EvaluationReport.Samples(SAMPLES);
    List<String> notes = new ArrayList<>();
    notes.add(frames.size() + " true frames from " + data);
    if (pred != null) {
      Predictions p = Predictions.read(pred);
      Map<Frame, List<Instance>> matched = new IdentityHashMap<>();
      int missing = 0;
      for (Frame f : frames) {
        List<Instance> found = p.forFrame(f);
        missing += found == null ? 1 : 0;
        matched.put(f, found == null ? List.of() : found);
      }
      if (missing == frames.size()) {
        throw new BadInputException(
            pred,
            "predicts none of the " + frames.size() + " true frames' images (from " + data + ")");
      }
      results.put(
          "pred",
          FrameEvaluation.run(
              frames, matched::get, EvalConfig.PAPER, progress, samples.sink("pred")));
      notes.add(
          "pred: "
              + p.size()
              + " predicted images from "
              + pred
              + "; "
              + missing
              + " true frames without a prediction (scored as nothing found)");
    }
    if (model != null) {
      try (DetectModel net = DetectModel.load(model)) {
        results.put(
            "detector",
            FrameEvaluation.run(
                frames,
                f -> net.detect(f.image(), groups),
                EvalConfig.PAPER,
                progress,
                samples.sink("detector")));
      }
      notes.add("detector: " + model);
    }
    if (pred == null || baseline) {
      IslandFinder finder = new IslandFinder(islands);
      results.put(
          "islands",
          FrameEvaluation.run(
              frames,
              f -> finder.find(f.image(), f.beamMajorPixels(), f.beamMinorPixels()),
              EvalConfig.PAPER,
              progress,
              samples.sink("islands")));
      notes.add("islands: " + islands);
    }
    EvaluationReport.writeReport(out, EvalConfig.PAPER, results, samples.all(), notes);
    new Provenance("radioclr detect evaluate")
        .put("data", data.toAbsolutePath().toString())
        .put("pred", pred == null ? null : pred.toAbsolutePath().toString())
        .put("model", model == null ? null : model.toAbsolutePath().toString())
        .put("islands", islands)
        .writeTo(out);
    notes.forEach(n -> o.printf("%s%n", n));
    o.print(EvaluationReport.table(results));
    o.printf("wrote %s and %s%n", out.resolve("metrics.json"), out.resolve("report.html"));
    return 0;
  }
}
