package org.radioclr.serve.review;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.radioclr.anomaly.frames.FrameLocator;
import org.radioclr.anomaly.frames.LocatedFrame;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.image.Plane;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.formats.table.FeatureTable;
import org.radioclr.formats.table.ScoreTable;

/**
 * What a review opens: the score table ({@code anomaly score}), the feature table the scores came
 * from (for the learned ranking), and the datalist that made the features (to find each frame's
 * FITS file). Rows are the score table's, in its order; features are matched by {@code sname}.
 * Thread-safe.
 */
public final class ReviewProject {
  private final Path scoresFile;
  private final Path datalistFile;
  private final ScoreTable table;
  private final float[][] features;
  private final FrameLocator locator;
  private final Map<String, Integer> rows = new HashMap<>();
  private final Map<Integer, Optional<SkyCoord>> centres = new HashMap<>();

  private ReviewProject(
      Path scoresFile,
      Path datalistFile,
      ScoreTable table,
      float[][] features,
      FrameLocator locator) {
    this.scoresFile = scoresFile;
    this.datalistFile = datalistFile;
    this.table = table;
    this.features = features;
    this.locator = locator;
    for (int i = 0; i < table.size(); i++) {
      rows.put(table.snames().get(i), i);
    }
  }

  /**
   * Opens a project.
   *
   * @param scores score table
   * @param features feature table the scores were computed from, or null (no learned ranking)
   * @param datalist the datalist that made the features
   * @throws BadInputException naming the file when a table or the datalist cannot be read, or the
   *     feature table lacks a scored frame
   */
  public static ReviewProject open(Path scores, Path features, Path datalist) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(datalist, "datalist");
    ScoreTable table = ScoreTable.read(scores);
    if (table.size() == 0) {
      throw new BadInputException(scores, "the score table has no rows");
    }
    FrameLocator locator = FrameLocator.fromDatalist(datalist);
    float[][] matched = features == null ? null : matchedFeatures(table, features);
    return new ReviewProject(scores, datalist, table, matched, locator);
  }

  /**
   * The features of every row of a score table, matched by {@code sname}.
   *
   * @param table a score table
   * @param features the feature table the scores were computed from
   * @return {@code [rows][dim]} features in the score table's row order
   * @throws BadInputException naming the feature file when it cannot be read, lacks a scored frame
   *     or has a non-finite value in a matched row
   */
  public static float[][] matchedFeatures(ScoreTable table, Path features) {
    FeatureTable f = FeatureTable.read(features);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < f.size(); i++) {
      byName.putIfAbsent(f.snames().get(i), i);
    }
    float[][] matched = new float[table.size()][];
    for (int i = 0; i < table.size(); i++) {
      Integer r = byName.get(table.snames().get(i));
      if (r == null) {
        throw new BadInputException(
            features,
            "frame '"
                + table.snames().get(i)
                + "' of "
                + table.source()
                + " has no features; give the feature table the scores came from");
      }
      f.requireFinite(features, r);
      matched[i] = f.features()[r];
    }
    return matched;
  }

  /** The score table. */
  public ScoreTable table() {
    return table;
  }

  /** The score table file. */
  public Path scoresFile() {
    return scoresFile;
  }

  /** The datalist file. */
  public Path datalistFile() {
    return datalistFile;
  }

  /** Number of frames. */
  public int size() {
    return table.size();
  }

  /** Whether features were given (learned ranking possible). */
  public boolean hasFeatures() {
    return features != null;
  }

  /** {@code [rows][dim]} features in row order; only when {@link #hasFeatures()}. */
  public float[][] features() {
    if (features == null) {
      throw new IllegalStateException("no feature table was given");
    }
    return features;
  }

  /** The row of a frame. */
  public OptionalInt row(String sname) {
    Integer r = rows.get(sname);
    return r == null ? OptionalInt.empty() : OptionalInt.of(r);
  }

  /** The frame name of a row. */
  public String sname(int row) {
    return table.snames().get(row);
  }

  /** The labels of a row as a list ({@code "A;B"} split), empty when unlabelled. */
  public List<String> labels(int row) {
    String l = table.labels().get(row);
    return l.isBlank() ? List.of() : List.of(l.split(";"));
  }

  /** An extra column's value of a row as text, if the column is present and the cell not null. */
  public Optional<String> extra(String column, int row) {
    return table.extra(column).map(c -> c.get(row));
  }

  /** An extra column's value of a row as a number, if present and numeric. */
  public Optional<Double> number(String column, int row) {
    return extra(column, row)
        .flatMap(
            v -> {
              try {
                return Optional.of(Double.parseDouble(v.strip()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** The frame's located footprint (file, origin, size, WCS). */
  public synchronized LocatedFrame locate(int row) {
    return locator.locate(table, row);
  }

  /** The frame's pixels ({@code [height][width]}, as in its FITS file). */
  public synchronized Plane pixels(int row) {
    return locator.pixels(locator.locate(table, row));
  }

  /**
   * The ICRS position of the frame centre: the table's {@code ra}/{@code dec} columns when present,
   * else from the frame's WCS; empty when neither gives one.
   */
  public synchronized Optional<SkyCoord> centre(int row) {
    return centres.computeIfAbsent(
        row,
        r -> {
          Optional<Double> ra = number("ra", r);
          Optional<Double> dec = number("dec", r);
          if (ra.isPresent() && dec.isPresent()) {
            return Optional.of(new SkyCoord(ra.get(), dec.get(), CelestialFrame.ICRS));
          }
          try {
            return Optional.of(locate(r).centre(CelestialFrame.ICRS));
          } catch (RadioclrException e) {
            return Optional.empty();
          }
        });
  }
}
