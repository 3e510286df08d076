package org.radioclr.anomaly.columns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radioclr.core.BadInputException;

/**
 * A {@code --columns} choice: {@code all} feature columns, {@code topK} (the K most important in a
 * {@link FeatureRanking}), or an explicit comma-separated list ({@code f3,f17}).
 *
 * @param kind which of the three
 * @param top K for {@code TOP}, else 0
 * @param names the listed columns for {@code LIST}, else empty
 */
public record ColumnChoice(Kind kind, int top, List<String> names) {
  private static final Pattern TOP = Pattern.compile("top([0-9]+)");

  /** The three forms. */
  public enum Kind {
    /** every feature column of the table. */
    ALL,
    /** the K most important. */
    TOP,
    /** listed names. */
    LIST
  }

  /** Every feature column. */
  public static final ColumnChoice ALL = new ColumnChoice(Kind.ALL, 0, List.of());

  /** Validates the fields. */
  public ColumnChoice {
    names = List.copyOf(names);
    if (kind == Kind.TOP && top < 1) {
      throw new IllegalArgumentException("topK needs K >= 1, got top" + top);
    }
    if (kind == Kind.LIST) {
      if (names.isEmpty()) {
        throw new IllegalArgumentException("an explicit column list must name a column");
      }
      if (new HashSet<>(names).size() != names.size()) {
        throw new IllegalArgumentException("a column is listed twice in " + names);
      }
    }
  }

  /** The top K of a ranking. */
  public static ColumnChoice top(int k) {
    return new ColumnChoice(Kind.TOP, k, List.of());
  }

  /**
   * Parses {@code all}, {@code topK} or {@code a,b,c}.
   *
   * @throws IllegalArgumentException naming the text when it is empty or malformed
   */
  public static ColumnChoice parse(String text) {
    String t = text.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("all")) {
      return ALL;
    }
    Matcher m = TOP.matcher(lower);
    if (m.matches()) {
      try {
        return top(Integer.parseInt(m.group(1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--columns: K of '" + text + "' is too large");
      }
    }
    List<String> names = new ArrayList<>();
    for (String part : t.split(",", -1)) {
      String name = part.strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "--columns must be 'all', 'topK' or a list like 'f3,f17', got '" + text + "'");
      }
      names.add(name);
    }
    return new ColumnChoice(Kind.LIST, 0, names);
  }

  /**
   * Checks that a ranking is at hand when this choice needs one ({@code topK}), before any table is
   * read.
   *
   * @param haveRanking whether a ranking was given
   * @throws IllegalArgumentException when {@code topK} is asked without a ranking
   */
  public void requireRanking(boolean haveRanking) {
    if (kind == Kind.TOP && !haveRanking) {
      throw new IllegalArgumentException(
          "--columns top" + top + " needs a feature ranking (--importance FILE|DIR)");
    }
  }

  /**
   * The columns to read, in order.
   *
   * @param featureColumns the table's feature columns ({@code f0, f1, ...})
   * @param table the table's file, named in errors
   * @param ranking the ranking, needed for {@code topK} (may be null otherwise)
   * @throws IllegalArgumentException when {@code topK} is asked without a ranking
   * @throws BadInputException naming the table when chosen columns are missing from it, or the
   *     ranking when it ranks fewer than K
   */
  public List<String> resolve(List<String> featureColumns, Path table, FeatureRanking ranking) {
    List<String> chosen =
        switch (kind) {
          case ALL -> featureColumns;
          case TOP -> {
            requireRanking(ranking != null);
            yield ranking.top(top);
          }
          case LIST -> names;
        };
    if (chosen.isEmpty()) {
      throw new BadInputException(table, "has no feature columns (f0, f1, ...)");
    }
    Set<String> have = new HashSet<>(featureColumns);
    Set<String> missing = new LinkedHashSet<>();
    for (String c : chosen) {
      if (!have.contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      List<String> shown = new ArrayList<>(missing).subList(0, Math.min(5, missing.size()));
      String from = kind == Kind.TOP ? " (ranked in " + ranking.source() + ")" : "";
      throw new BadInputException(
          table,
          "no feature column(s) "
              + String.join(", ", shown)
              + (missing.size() > shown.size()
                  ? " and " + (missing.size() - shown.size()) + " more"
                  : "")
              + from
              + "; the table has "
              + featureColumns.size()
              + " feature columns");
    }
    return List.copyOf(chosen);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ALL -> "all";
      case TOP -> "top" + top;
      case LIST -> String.join(",", names);
    };
  }
}
