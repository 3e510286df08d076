package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.anomaly.select.FeatureSelection;
import org.radioclr.anomaly.select.SelectConfig;
import org.radioclr.anomaly.select.SelectionData;
import org.radioclr.anomaly.select.SelectionResult;
import org.radioclr.anomaly.select.SelectionWriter;
import org.radioclr.core.io.Provenance;
import org.radioclr.formats.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr anomaly select}: LightGBM feature importance of interesting frames. */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    description = {
      "Rank the features of a feature table by how well they tell \"interesting\" labelled"
          + " frames (any --positive label) from the other labelled frames (paper section 5.2):"
          + " a LightGBM binary classifier with shallow trees (max_depth 2, num_leaves 32,"
          + " min_data_in_leaf 20) is early-stopped on a seeded stratified 20%% of the labelled"
          + " frames (validation log-loss, 20 rounds patience, up to 1000 rounds), and its gain"
          + " importance ranks the features. Unlabelled frames are ignored.",
      "Writes into --out: importance.csv (rank,feature,gain; read by 'anomaly score --columns"
          + " topK --importance'), importance.png (top 30), top<k>.txt and selection.json (the"
          + " top-k lists), summary.json (held-out accuracy, rounds), model.txt (LightGBM text"
          + " model) and provenance.json. Deterministic for a seed and thread count."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly select --features features.parquet"
          + " --labels sim/sets/anomaly/datalist.json --out selection",
      "  radioclr anomaly select --features f.parquet --positive EXTENDED,DIFFUSE --top 5,10"
          + " --seed 7 --out sel"
    })
final class AnomalySelectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Mixin LabelsOption labels;

  @Option(
      names = "--positive",
      split = ",",
      paramLabel = "LABEL",
      description = "Labels of interesting frames (default: EXTENDED,DIFFUSE,DIFFUSE-LARGE).")
  List<String> positives = new ArrayList<>(SelectConfig.PAPER_POSITIVES);

  @Option(
      names = "--top",
      split = ",",
      paramLabel = "K",
      description = "Sizes of the top-k lists to write (default: 2,5,10,15).")
  List<Integer> top = new ArrayList<>(SelectConfig.PAPER_TOP_K);

  @Mixin SeedOption seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "LightGBM threads (default: 1; results depend on the thread count).")
  int threads = 1;

  @Mixin OutFolderOption output;

  @Override
  public Integer call() {
    List<Integer> sortedTop = top.stream().distinct().sorted().toList();
    SelectConfig config =
        BadOptionException.check(
            () ->
                SelectConfig.paper(seed.orDefault())
                    .withPositives(positives)
                    .withTopK(sortedTop)
                    .withThreads(threads));
    Path out = output.requireEmpty();
    FeatureTable table = FeatureTable.read(features.file);
    FrameLabels frameLabels =
        labels.file != null
            ? FrameLabels.fromDatalist(labels.file)
            : FrameLabels.fromTable(features.file, table);
    SelectionData data = SelectionData.of(features.file, table, frameLabels, config.positives());
    SelectionResult r =
        FeatureSelection.run(data, config, ConsoleProgress.onStderr(spec.commandLine().getErr()));
    SelectionWriter.write(out, r, config);
    new Provenance("radioclr anomaly select")
        .put("features", features.file.toString())
        .put("labels", labels.file == null ? features.file.toString() : labels.file.toString())
        .put("settings", SelectionWriter.summary(r, config))
        .writeTo(out);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%d labelled frames (%d interesting: %s); %d held out%n",
        data.size(), data.positives(), String.join(",", config.positives()), r.validationRows());
    o.printf(
        "LightGBM: %d rounds kept of %d run; held-out accuracy %.1f%%, log-loss %.4f%n",
        r.bestRounds(), r.roundsRun(), 100 * r.validationAccuracy(), r.validationLogLoss());
    int shown = Math.min(10, r.importance().features().size());
    o.printf("top %d features: %s%n", shown, String.join(", ", r.importance().top(shown)));
    o.printf("wrote %s%n", out);
    return 0;
  }
}
