package org.radioclr.anomaly.select;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.anomaly.plot.BarPlot;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;

/**
 * Writes the outputs of a feature selection into a folder, each file atomically:
 *
 * <ul>
 *   <li>{@code importance.csv}: every feature by gain ({@link FeatureImportance#toCsv()});
 *   <li>{@code importance.png}: bar chart of the 30 most important;
 *   <li>{@code top<k>.txt}: the top-k features, one name per line, for each k;
 *   <li>{@code selection.json}: {@code {"positives": [...], "top": {"top2": [...], ...}}};
 *   <li>{@code summary.json}: rows, positives, rounds, held-out log-loss and accuracy, settings;
 *   <li>{@code model.txt}: the early-stopped LightGBM model in its text format.
 * </ul>
 */
public final class SelectionWriter {
  /** Bars in {@code importance.png}. */
  public static final int PLOT_BARS = 30;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SelectionWriter() {}

  /** Writes all outputs into {@code dir} (created if needed). */
  public static void write(Path dir, SelectionResult result, SelectConfig config) {
    AtomicFiles.ensureDirectory(dir);
    FeatureImportance imp = result.importance();
    imp.writeCsv(dir.resolve("importance.csv"));
    int bars = Math.min(PLOT_BARS, imp.features().size());
    new BarPlot(
            "LightGBM gain importance, top " + bars + " of " + imp.features().size(),
            "gain",
            imp.top(bars),
            java.util.Arrays.copyOf(imp.gains(), bars))
        .write(dir.resolve("importance.png"), 720, 80 + 22 * bars);
    Map<String, List<String>> top = new LinkedHashMap<>();
    for (int k : config.topK()) {
      List<String> list = imp.top(k);
      top.put("top" + k, list);
      AtomicFiles.writeString(dir.resolve("top" + k + ".txt"), String.join("\n", list) + "\n");
    }
    Map<String, Object> selection = new LinkedHashMap<>();
    selection.put("positives", config.positives());
    selection.put("top", top);
    AtomicFiles.writeString(dir.resolve("selection.json"), json(selection));
    AtomicFiles.writeString(dir.resolve("summary.json"), json(summary(result, config)));
    AtomicFiles.writeString(dir.resolve("model.txt"), result.modelText());
  }

  /** The content of {@code summary.json}. */
  public static Map<String, Object> summary(SelectionResult r, SelectConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("labelled_rows", r.trainRows() + r.validationRows());
    m.put("train_rows", r.trainRows());
    m.put("train_interesting", r.trainPositives());
    m.put("validation_rows", r.validationRows());
    m.put("validation_interesting", r.validationPositives());
    m.put("validation_accuracy", r.validationAccuracy());
    m.put("validation_logloss", r.validationLogLoss());
    m.put("best_rounds", r.bestRounds());
    m.put("rounds_run", r.roundsRun());
    m.putAll(Json.toMap(c));
    m.put("top_features", r.importance().top(Math.min(15, r.importance().features().size())));
    return m;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new RadioclrException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
