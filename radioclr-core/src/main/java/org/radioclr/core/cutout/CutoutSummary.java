package org.radioclr.core.cutout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cutout run did: cutouts written, cutouts skipped counted by reason, inputs (maps or
 * catalogue rows) that failed with their one-line messages, and warnings. Thread-safe while it is
 * being filled; read it after the run.
 */
public final class CutoutSummary {
  private long written;
  private final Map<String, Long> skipped = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  synchronized void wrote() {
    written++;
  }

  synchronized void skipped(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  synchronized void failed(String message) {
    failures.add(message);
  }

  synchronized void warn(String message) {
    warnings.add(message);
  }

  /** Number of cutouts written. */
  public synchronized long written() {
    return written;
  }

  /** Number of cutouts skipped, by reason. */
  public synchronized Map<String, Long> skipped() {
    return Map.copyOf(skipped);
  }

  /** Total number of cutouts skipped. */
  public synchronized long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line per failed input, naming it and the problem. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** One line per warning (e.g. a map without sky coordinates). */
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** A few lines for the terminal. */
  public synchronized String format() {
    StringBuilder sb = new StringBuilder();
    sb.append("written: ").append(written).append('\n');
    sb.append("skipped: ").append(skippedTotal());
    skipped.forEach((reason, n) -> sb.append("\n  ").append(n).append(" ").append(reason));
    sb.append("\nfailed: ").append(failures.size());
    failures.forEach(f -> sb.append("\n  ").append(f));
    warnings.forEach(w -> sb.append("\nwarning: ").append(w));
    return sb.toString();
  }
}
