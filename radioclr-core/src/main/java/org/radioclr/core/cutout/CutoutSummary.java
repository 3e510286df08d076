package org.radioclr.core.cutout;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cutout run did: cutouts written, cutouts skipped counted by reason, inputs (maps or
 * catalogue rows) that failed with their one-line messages, and warnings. Thread-safe while it is
 * being filled; read it after the run. Serializable, so that a distributed task can send its
 * summary back to the driver, which {@link #addAll adds} them up.
 */
public final class CutoutSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private long written;
  private final TreeMap<String, Long> skipped = new TreeMap<>();
  private final ArrayList<String> failures = new ArrayList<>();
  private final ArrayList<String> warnings = new ArrayList<>();

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

  /**
   * Adds what {@code other} did to this summary: its counts, then its failures and warnings after
   * this one's (so adding the summaries of shards in shard order gives one process's summary).
   */
  public void addAll(CutoutSummary other) {
    add(other, true);
  }

  /**
   * {@link #addAll} without {@code other}'s warnings: for shards that all repeat the same run-wide
   * warnings (a banner run's map without WCS), added once from the first.
   */
  public void addAllButWarnings(CutoutSummary other) {
    add(other, false);
  }

  private void add(CutoutSummary other, boolean withWarnings) {
    long w;
    Map<String, Long> s;
    List<String> f;
    List<String> x;
    synchronized (other) {
      w = other.written;
      s = Map.copyOf(other.skipped);
      f = List.copyOf(other.failures);
      x = List.copyOf(other.warnings);
    }
    synchronized (this) {
      written += w;
      s.forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
      failures.addAll(f);
      if (withWarnings) {
        warnings.addAll(x);
      }
    }
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
