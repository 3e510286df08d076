package org.radioclr.app;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.radioclr.core.progress.ProgressListener;

/**
 * A progress bar on standard error with count, rate and ETA. On a terminal it redraws one line a
 * few times a second; otherwise (a log file, CI) it prints a line at every 10% and at the end.
 */
public final class ConsoleProgress implements ProgressListener {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int BAR = 24;

  private final PrintWriter err;
  private final boolean interactive;
  private final AtomicLong done = new AtomicLong();
  private volatile String task = "";
  private volatile long total = -1;
  private long startNanos;
  private long lastDrawNanos;
  private long lastDecile = -1;
  private long lastDrawn = -1;

  ConsoleProgress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  /** A bar for the process's standard error, redrawn in place when that is a terminal. */
  public static ConsoleProgress onStderr(PrintWriter err) {
    return new ConsoleProgress(err, System.console() != null);
  }

  @Override
  public synchronized void start(String task, long total) {
    this.task = task;
    this.total = total;
    done.set(0);
    startNanos = System.nanoTime();
    lastDrawNanos = 0;
    lastDecile = -1;
    lastDrawn = -1;
  }

  @Override
  public void advance(long n) {
    long now = done.addAndGet(n);
    long t = System.nanoTime();
    if (interactive) {
      if (t - lastDrawNanos >= REDRAW_NANOS) {
        draw(now, t, false);
      }
    } else if (total > 0 && now * 10 / total != lastDecile) {
      draw(now, t, false);
    }
  }

  @Override
  public synchronized void finish() {
    long now = done.get();
    if (interactive || now != lastDrawn) {
      draw(now, System.nanoTime(), true);
    }
  }

  private synchronized void draw(long now, long t, boolean last) {
    lastDrawNanos = t;
    if (total > 0) {
      long decile = now * 10 / total;
      if (!interactive && !last && decile == lastDecile) {
        return;
      }
      lastDecile = decile;
    }
    lastDrawn = now;
    String line = format(task, now, total, (t - startNanos) / 1e9);
    if (interactive) {
      err.print("\r" + line + (last ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** One status line: task, bar, count, percentage, rate and ETA (or elapsed time when done). */
  static String format(String task, long done, long total, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder(task).append("  ");
    if (total > 0) {
      int filled = (int) Math.min(BAR, done * BAR / total);
      sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
      sb.append(done).append('/').append(total);
      sb.append(String.format(" %3d%%", done * 100 / total));
    } else {
      sb.append(done);
    }
    sb.append(String.format("  %.1f/s", rate));
    if (total > 0 && done < total && rate > 0) {
      sb.append("  ETA ").append(clock((total - done) / rate));
    } else {
      sb.append("  ").append(clock(seconds));
    }
    return sb.toString();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
