package org.radioclr.core.datalist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.radioclr.core.BadInputException;

/**
 * What {@code radioclr datalist check} reports about a datalist: entry and label counts, files that
 * do not exist, duplicate snames, labels mapped to more than one id, the distribution of channel
 * counts, and the problems found by an optional per-entry check (the integrator's FITS checks).
 *
 * <p>Multi-label entries count once per label in {@code labelCounts}. Duplicate snames are reported
 * here, not rejected by the reader. Problem lists keep at most {@link #MAX_LISTED} items each; the
 * matching counts are exact. Building a summary streams the datalist but keeps one sname per entry
 * (for the duplicate check).
 *
 * @param file the datalist
 * @param entries number of entries
 * @param unlabelled entries with neither label nor id
 * @param labelCounts entries per label, sorted by label
 * @param channelCounts entries per number of files, sorted by channel count
 * @param missingFileCount number of listed files that do not exist (or are not regular files)
 * @param missingFiles the first of those
 * @param duplicateSnames snames used by more than one entry, sorted (at most {@link #MAX_LISTED})
 * @param duplicateSnameCount number of distinct snames used more than once
 * @param labelIdConflicts labels seen with more than one id, with those ids
 * @param problemCount number of problems reported by the entry check
 * @param problems the first of those
 */
public record DatalistSummary(
    Path file,
    long entries,
    long unlabelled,
    SortedMap<String, Long> labelCounts,
    SortedMap<Integer, Long> channelCounts,
    long missingFileCount,
    List<EntryProblem> missingFiles,
    List<String> duplicateSnames,
    long duplicateSnameCount,
    SortedMap<String, SortedSet<Integer>> labelIdConflicts,
    long problemCount,
    List<EntryProblem> problems) {

  /** How many items each problem list keeps. */
  public static final int MAX_LISTED = 1000;

  /** A problem with one entry: its index in {@code data}, its sname, and what is wrong. */
  public record EntryProblem(long index, String sname, String problem) {
    public EntryProblem {
      Objects.requireNonNull(sname, "sname");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
      return "data[" + index + "] (" + sname + "): " + problem;
    }
  }

  /**
   * A further check of one entry whose files all exist, e.g. "every file loads as FITS and the
   * channels have the same shape". Returns the problems found, empty when the entry is fine. It
   * should report a bad file as a problem rather than throw.
   */
  @FunctionalInterface
  public interface EntryCheck {
    List<String> problems(DatalistEntry entry);

    /** No further check. */
    EntryCheck NONE = entry -> List.of();
  }

  public DatalistSummary {
    Objects.requireNonNull(file, "file");
    if (entries < 0 || unlabelled < 0 || unlabelled > entries) {
      throw new IllegalArgumentException(
          "need 0 <= unlabelled <= entries, got " + unlabelled + " of " + entries);
    }
    labelCounts = Collections.unmodifiableSortedMap(new TreeMap<>(labelCounts));
    channelCounts = Collections.unmodifiableSortedMap(new TreeMap<>(channelCounts));
    missingFiles = List.copyOf(missingFiles);
    duplicateSnames = List.copyOf(duplicateSnames);
    TreeMap<String, SortedSet<Integer>> conflicts = new TreeMap<>();
    labelIdConflicts.forEach(
        (k, v) -> conflicts.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    labelIdConflicts = Collections.unmodifiableSortedMap(conflicts);
    problems = List.copyOf(problems);
  }

  /** Checks a datalist: counts, file existence, duplicates. */
  public static DatalistSummary check(Path datalist) {
    return check(datalist, EntryCheck.NONE);
  }

  /**
   * Checks a datalist, running {@code extra} on every entry whose files all exist.
   *
   * @throws BadInputException when the datalist itself cannot be read (see {@link DatalistReader})
   */
  public static DatalistSummary check(Path datalist, EntryCheck extra) {
    Objects.requireNonNull(extra, "extra");
    long entries = 0;
    long unlabelled = 0;
    Map<String, Long> labelCounts = new HashMap<>();
    Map<Integer, Long> channelCounts = new HashMap<>();
    long missingCount = 0;
    List<EntryProblem> missing = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new TreeSet<>();
    Map<String, Set<Integer>> idsPerLabel = new HashMap<>();
    long problemCount = 0;
    List<EntryProblem> problems = new ArrayList<>();
    try (DatalistReader reader = DatalistReader.open(datalist)) {
      while (reader.hasNext()) {
        DatalistEntry e = reader.next();
        long index = entries++;
        if (e.isUnlabelled()) {
          unlabelled++;
        }
        for (String label : e.labels()) {
          labelCounts.merge(label, 1L, Long::sum);
        }
        if (e.ids().size() == e.labels().size()) {
          for (int i = 0; i < e.ids().size(); i++) {
            idsPerLabel
                .computeIfAbsent(e.labels().get(i), k -> new HashSet<>())
                .add(e.ids().get(i));
          }
        }
        channelCounts.merge(e.channels(), 1L, Long::sum);
        if (!seen.add(e.sname())) {
          duplicates.add(e.sname());
        }
        boolean allExist = true;
        for (Path f : e.files()) {
          Optional<String> problem = EntryFiles.problem(f);
          if (problem.isPresent()) {
            allExist = false;
            missingCount++;
            if (missing.size() < MAX_LISTED) {
              String what = Files.exists(f) ? problem.get() : "missing file: " + f;
              missing.add(new EntryProblem(index, e.sname(), what));
            }
          }
        }
        if (allExist) {
          for (String p : extra.problems(e)) {
            problemCount++;
            if (problems.size() < MAX_LISTED) {
              problems.add(new EntryProblem(index, e.sname(), p));
            }
          }
        }
      }
    }
    Map<String, Set<Integer>> conflicts = new HashMap<>();
    idsPerLabel.forEach(
        (label, ids) -> {
          if (ids.size() > 1) {
            conflicts.put(label, ids);
          }
        });
    List<String> dupList = new ArrayList<>(duplicates);
    long dupCount = dupList.size();
    if (dupList.size() > MAX_LISTED) {
      dupList = dupList.subList(0, MAX_LISTED);
    }
    return new DatalistSummary(
        datalist,
        entries,
        unlabelled,
        new TreeMap<>(labelCounts),
        new TreeMap<>(channelCounts),
        missingCount,
        missing,
        dupList,
        dupCount,
        toSorted(conflicts),
        problemCount,
        problems);
  }

  private static SortedMap<String, SortedSet<Integer>> toSorted(Map<String, Set<Integer>> m) {
    SortedMap<String, SortedSet<Integer>> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
    return out;
  }

  /** Entries with at least one label. */
  public long labelled() {
    return entries - unlabelled;
  }

  /**
   * True when nothing is wrong: no missing file, no duplicate sname, no label with two ids, all
   * entries with the same number of channels, no problem from the entry check, at least one entry.
   */
  public boolean isClean() {
    return entries > 0
        && missingFileCount == 0
        && duplicateSnameCount == 0
        && labelIdConflicts.isEmpty()
        && channelCounts.size() <= 1
        && problemCount == 0;
  }

  /**
   * A plain-text report for the terminal: a header line, a label table (count and share of labelled
   * entries), then each kind of problem with up to {@code maxItems} examples.
   */
  public String format(int maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0, got " + maxItems);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("datalist ").append(file).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "entries %d (labelled %d, unlabelled %d)%n",
            entries,
            labelled(),
            unlabelled));
    if (!channelCounts.isEmpty()) {
      StringBuilder ch = new StringBuilder();
      channelCounts.forEach(
          (c, n) -> ch.append(ch.isEmpty() ? "" : ", ").append(c).append(": ").append(n));
      sb.append("files per entry ").append(ch).append('\n');
    }
    if (!labelCounts.isEmpty()) {
      int width = "label".length();
      for (String l : labelCounts.keySet()) {
        width = Math.max(width, l.length());
      }
      String row = "  %-" + width + "s %10s %8s%n";
      sb.append(String.format(Locale.ROOT, row, "label", "entries", "share"));
      long labelled = labelled();
      for (Map.Entry<String, Long> e : labelCounts.entrySet()) {
        String share =
            String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / Math.max(1, labelled));
        sb.append(String.format(Locale.ROOT, row, e.getKey(), e.getValue(), share));
      }
    }
    appendList(sb, "missing files", missingFileCount, missingFiles, maxItems);
    appendList(sb, "duplicate snames", duplicateSnameCount, duplicateSnames, maxItems);
    if (!labelIdConflicts.isEmpty()) {
      sb.append("labels with more than one id ").append(labelIdConflicts.size()).append('\n');
      labelIdConflicts.forEach(
          (l, ids) -> sb.append("  ").append(l).append(": ").append(ids).append('\n'));
    }
    if (channelCounts.size() > 1) {
      sb.append("entries differ in their number of files (channels)\n");
    }
    appendList(sb, "problems", problemCount, problems, maxItems);
    sb.append(isClean() ? "OK\n" : "NOT OK\n");
    return sb.toString();
  }

  private static void appendList(
      StringBuilder sb, String title, long count, List<?> items, int maxItems) {
    if (count == 0) {
      return;
    }
    sb.append(title).append(' ').append(count).append('\n');
    int shown = Math.min(maxItems, items.size());
    for (int i = 0; i < shown; i++) {
      sb.append("  ").append(items.get(i)).append('\n');
    }
    if (count > shown) {
      sb.append("  ... and ").append(count - shown).append(" more\n");
    }
  }

  /** {@link #format(int)} with up to 20 examples per problem kind. */
  @Override
  public String toString() {
    return format(20);
  }
}
