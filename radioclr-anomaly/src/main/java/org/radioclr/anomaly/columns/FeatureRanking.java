package org.radioclr.anomaly.columns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.radioclr.core.BadInputException;

/**
 * A feature ranking by importance, as {@code anomaly select} writes it ({@link
 * org.radioclr.anomaly.select.FeatureImportance#writeCsv}): a CSV {@code importance.csv} with the
 * header {@code rank,feature,gain} and one row per feature, rank 1 (the largest gain) first.
 *
 * @param source the file read, named in errors
 * @param features feature names, most important first
 * @param gains their gains, non-increasing
 */
public record FeatureRanking(Path source, List<String> features, List<Double> gains) {
  /** The file name looked for when a folder is given. */
  public static final String FILE_NAME = "importance.csv";

  /** Copies the lists. */
  public FeatureRanking {
    features = List.copyOf(features);
    gains = List.copyOf(gains);
    if (features.size() != gains.size()) {
      throw new IllegalArgumentException(
          features.size() + " features but " + gains.size() + " gains");
    }
  }

  /**
   * Reads a ranking from {@code path}, or from {@code path/importance.csv} when it is a folder.
   *
   * @throws BadInputException naming the file when it is missing, has another header, a bad row,
   *     ranks out of order, a repeated feature or no rows
   */
  public static FeatureRanking read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file, "no feature ranking here (run 'radioclr anomaly select' first)", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read feature ranking: " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !strip(lines.get(0)).equals("rank,feature,gain")) {
      throw new BadInputException(
          file, "not a feature ranking: the header must be 'rank,feature,gain'");
    }
    List<String> features = new ArrayList<>();
    List<Double> gains = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = strip(lines.get(i));
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      String where = "line " + (i + 1) + ": ";
      if (cells.length != 3) {
        throw new BadInputException(file, where + "expected 3 cells, got " + cells.length);
      }
      int rank;
      double gain;
      try {
        rank = Integer.parseInt(cells[0].strip());
        gain = Double.parseDouble(cells[2].strip());
      } catch (NumberFormatException e) {
        throw new BadInputException(file, where + "rank and gain must be numbers: '" + line + "'");
      }
      String feature = cells[1].strip();
      if (rank != features.size() + 1) {
        throw new BadInputException(
            file, where + "rank " + rank + " out of order, expected " + (features.size() + 1));
      }
      if (feature.isEmpty() || !seen.add(feature)) {
        throw new BadInputException(
            file,
            where + (feature.isEmpty() ? "empty feature name" : feature + " is listed twice"));
      }
      if (!gains.isEmpty() && gain > gains.get(gains.size() - 1)) {
        throw new BadInputException(
            file, where + "gains must be sorted in descending order, " + feature + " has " + gain);
      }
      features.add(feature);
      gains.add(gain);
    }
    if (features.isEmpty()) {
      throw new BadInputException(file, "the feature ranking has no rows");
    }
    return new FeatureRanking(file, features, gains);
  }

  private static String strip(String line) {
    String s = line.strip();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /**
   * The {@code k} most important features.
   *
   * @throws BadInputException naming the file when it ranks fewer than k
   */
  public List<String> top(int k) {
    if (k > features.size()) {
      throw new BadInputException(
          source, "ranks only " + features.size() + " features, cannot take the top " + k);
    }
    return features.subList(0, k);
  }
}
