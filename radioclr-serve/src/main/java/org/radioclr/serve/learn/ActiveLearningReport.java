package org.radioclr.serve.learn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.report.LinePlot;

/**
 * Writes a simulated active-learning session into a folder, each file atomically: {@code
 * rounds.csv} (one row per round, the columns of {@link #header}) and {@code rounds.png} (true
 * anomalies among the top {@code k} of the learned and the raw ranking, and anomalies seen against
 * frames rated, by round).
 */
public final class ActiveLearningReport {
  private ActiveLearningReport() {}

  /** The columns: round, rated, seen, raw_seen, then learned_topK and raw_topK for each depth. */
  public static List<String> header(ActiveLearningConfig config) {
    List<String> h = new ArrayList<>(List.of("round", "rated", "seen", "raw_seen"));
    for (int k : config.ks()) {
      h.add("learned_top" + k);
      h.add("raw_top" + k);
    }
    return h;
  }

  /** The rows, header first, as text cells. */
  public static List<List<String>> rows(ActiveLearningConfig config, List<ActiveRound> rounds) {
    List<List<String>> out = new ArrayList<>();
    out.add(header(config));
    for (ActiveRound r : rounds) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(r.round()),
                  String.valueOf(r.rated()),
                  String.valueOf(r.seen()),
                  String.valueOf(r.rawSeen())));
      for (int j = 0; j < config.ks().size(); j++) {
        row.add(String.valueOf(r.learnedTop().get(j)));
        row.add(String.valueOf(r.rawTop().get(j)));
      }
      out.add(row);
    }
    return out;
  }

  /** Writes {@code rounds.csv} and {@code rounds.png} into {@code dir} (created if needed). */
  public static void write(
      Path dir, ActiveLearningConfig config, List<ActiveRound> rounds, int anomalies) {
    AtomicFiles.ensureDirectory(dir);
    List<List<String>> rows = rows(config, rounds);
    Csv csv = new Csv(rows.get(0));
    rows.subList(1, rows.size()).forEach(csv::row);
    csv.write(dir.resolve("rounds.csv"));
    LinePlot.writePanels(dir.resolve("rounds.png"), plots(config, rounds, anomalies), 800, 720);
  }

  static List<LinePlot> plots(ActiveLearningConfig config, List<ActiveRound> rounds, int all) {
    int n = rounds.size();
    double[] x = new double[n];
    double[] seen = new double[n];
    double[] rawSeen = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rounds.get(i).round();
      seen[i] = rounds.get(i).seen();
      rawSeen[i] = rounds.get(i).rawSeen();
    }
    List<LinePlot.Series> top = new ArrayList<>();
    for (int j = 0; j < config.ks().size(); j++) {
      double[] learned = new double[n];
      double[] raw = new double[n];
      for (int i = 0; i < n; i++) {
        learned[i] = rounds.get(i).learnedTop().get(j);
        raw[i] = rounds.get(i).rawTop().get(j);
      }
      int k = config.ks().get(j);
      top.add(new LinePlot.Series("NeighbourScore, top " + k, x, learned));
      top.add(new LinePlot.Series("raw score, top " + k, x, raw));
    }
    return List.of(
        new LinePlot(
            "True anomalies in the top k (of " + all + ")", "round", "anomalies", false, top),
        new LinePlot(
            "Anomalies the astronomer has seen (" + config.perRound() + " rated per round)",
            "round",
            "anomalies seen",
            false,
            List.of(
                new LinePlot.Series("active (NeighbourScore)", x, seen),
                new LinePlot.Series("raw score order", x, rawSeen))));
  }
}
