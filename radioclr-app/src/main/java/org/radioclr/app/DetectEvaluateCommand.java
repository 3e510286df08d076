package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.detect.data.DetectionSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.eval.EvaluationReport;
import org.radioclr.detect.eval.FrameEvaluation;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr detect evaluate}: the caesar-mrcnn figures of a detector and the baseline. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score a trained detector (--model) and the classic island finder beside it on annotated"
          + " frames with caesar-mrcnn's protocol: detections scoring below 0.5 dropped, touching"
          + " same-class detections with mask IoU >= 0.3 merged, the best-scoring one of each"
          + " touching clique kept, each true object matched to the detection of highest mask IoU"
          + " >= 0.6. Per class and for SOURCE (compact, extended, extended-multisland):"
          + " completeness, reliability, F1. Writes --out/metrics.json and prints the table."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect evaluate --data test/datalist.json --model det/model --out eval"
    })
final class DetectEvaluateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "LIST",
      description = "Annotated frames (datalist, caesar-mrcnn file list or one annotation).")
  Path data;

  @Option(names = "--model", paramLabel = "DIR", description = "A detector model folder.")
  Path model;

  @Option(
      names = "--seed-sigma",
      paramLabel = "K",
      description = "Island finder: seed threshold in rms (default: 5).")
  double seedSigma = IslandConfig.DEFAULT.seedSigma();

  @Option(
      names = "--flood-sigma",
      paramLabel = "K",
      description = "Island finder: flood threshold in rms (default: 3).")
  double floodSigma = IslandConfig.DEFAULT.floodSigma();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (must be new or empty).")
  Path out;

  @Override
  public Integer call() {
    OutputFolders.requireEmpty(out, "choose another --out or remove it");
    IslandConfig islands =
        BadOptionException.check(
            () ->
                new IslandConfig(
                    seedSigma,
                    floodSigma,
                    IslandConfig.DEFAULT.boxBeams(),
                    IslandConfig.DEFAULT.compactFactor(),
                    IslandConfig.DEFAULT.minPixels()));
    PrintWriter o = spec.commandLine().getOut();
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    List<Frame> frames = DetectionSet.read(data);
    Map<String, DetectionMetrics> results = new LinkedHashMap<>();
    if (model != null) {
      try (DetectModel net = DetectModel.load(model)) {
        results.put(
            "detector",
            FrameEvaluation.run(
                frames, f -> net.detect(f.image(), Grouping.DEFAULT), EvalConfig.PAPER, progress));
      }
    }
    IslandFinder finder = new IslandFinder(islands);
    results.put(
        "islands",
        FrameEvaluation.run(
            frames,
            f -> finder.find(f.image(), f.beamMajorPixels(), f.beamMinorPixels()),
            EvalConfig.PAPER,
            progress));
    EvaluationReport.write(out, EvalConfig.PAPER, results);
    new Provenance("radioclr detect evaluate")
        .put("data", data.toAbsolutePath().toString())
        .put("model", model == null ? null : model.toAbsolutePath().toString())
        .put("islands", islands)
        .writeTo(out);
    o.printf("%d frames%n", frames.size());
    o.print(EvaluationReport.table(results));
    o.printf("wrote %s%n", out.resolve("metrics.json"));
    return 0;
  }
}
