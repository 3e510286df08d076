package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.evaluate.AnomalyEvaluation;
import org.radioclr.anomaly.evaluate.EvaluationResult;
import org.radioclr.anomaly.evaluate.EvaluationWriter;
import org.radioclr.anomaly.evaluate.GroupedScores;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.io.Provenance;
import org.radioclr.formats.table.ScoreTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr anomaly evaluate}: recall, precision and contamination of anomaly scores. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Measure how well anomaly scores find the labelled peculiar frames (paper section 5.2,"
          + " Fig. 12, Table 4). Frames are grouped by their labels: peculiar (PECULIAR),"
          + " complex (not peculiar, with EXTENDED, RADIO-GALAXY, DIFFUSE, DIFFUSE-LARGE or"
          + " FILAMENT), ordinary (only COMPACT, ARTEFACT, BACKGROUND, MOSAICKING), compact-only"
          + " (ordinary with COMPACT alone) and unlabelled.",
      "For every distinct score used as threshold (selected = score >= threshold), as the"
          + " paper defines them: recall (the share of the peculiar frames selected); precision of"
          + " peculiar frames, precision of peculiar-or-complex frames and the contamination by"
          + " complex, ordinary and compact-only frames, all shares of the selected labelled"
          + " frames (precision + complex + ordinary = 100%); and the unlabelled share of all"
          + " selected frames. Prints the metrics where recall and precision cross, and writes"
          + " into --out: curves.csv, summary.json, histograms.png, curves.png and report.html."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly evaluate --scores scores.parquet"
          + " --labels sim/sets/anomaly/datalist.json --out eval"
    })
final class AnomalyEvaluateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scores",
      required = true,
      paramLabel = "S.parquet|S.csv",
      description = "Score table (radioclr anomaly score).")
  Path scores;

  @Mixin LabelsOption labels;

  @Mixin OutFolderOption output;

  @Override
  public Integer call() {
    Path out = output.requireEmpty();
    ScoreTable table = ScoreTable.read(scores);
    FrameLabels frameLabels =
        labels.file != null ? FrameLabels.fromDatalist(labels.file) : GroupedScores.labelsOf(table);
    EvaluationResult r = AnomalyEvaluation.evaluate(table, frameLabels);
    EvaluationWriter.write(out, GroupedScores.of(table, frameLabels), r, scores.toString());
    new Provenance("radioclr anomaly evaluate")
        .put("scores", scores.toString())
        .put("labels", labels.file == null ? scores.toString() : labels.file.toString())
        .writeTo(out);
    PrintWriter o = spec.commandLine().getOut();
    o.print(EvaluationWriter.table(r));
    o.printf("wrote %s%n", out);
    return 0;
  }
}
