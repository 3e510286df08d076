package org.radioclr.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.radioclr.core.BadInputException;
import org.radioclr.core.preprocess.TooManyInvalidPixelsException;

/**
 * The images a batch job (training, feature extraction, classification) left out because they could
 * not be read or pre-processed: collected while the job runs (thread-safe, each file once), then
 * written as a CSV list ({@link #write}) and told as one line ({@link #summary}) instead of one
 * warning per image.
 *
 * <p>Each image has a short <em>reason</em>, shared by images that failed the same way (e.g. {@code
 * more than 30% of pixels blank or NaN}), which the summary counts, and a <em>detail</em>, the
 * image's own message (e.g. {@code 32.2% of pixels are blank or NaN (limit 30%)}).
 *
 * <p>CSV ({@value #FILE_NAME} by default): header {@code file,sname,reason,detail}, one row per
 * image in the order they failed, fields quoted as RFC 4180 says ({@link Csv}); {@code sname} is
 * empty when the job does not know it.
 */
public final class SkippedImages {
  /** The usual name of the list in an output folder. */
  public static final String FILE_NAME = "skipped.csv";

  /** Reasons named in the summary line; the rest are counted together. */
  static final int SHOWN_REASONS = 2;

  /**
   * One image left out.
   *
   * @param file the image's file
   * @param sname its datalist name, or empty
   * @param reason why, shared by images that failed alike
   * @param detail this image's own message
   */
  public record Entry(Path file, String sname, String reason, String detail) {
    public Entry {
      Objects.requireNonNull(file, "file");
      sname = sname == null ? "" : sname;
      Objects.requireNonNull(reason, "reason");
      detail = detail == null ? reason : detail;
    }

    /** The per-image line of earlier versions: {@code skipping image FILE: DETAIL}. */
    public String line() {
      return "skipping image " + file + ": " + detail;
    }
  }

  private final Map<Path, Entry> entries = new LinkedHashMap<>();
  private final Consumer<Entry> onEach;

  /** Collects silently. */
  public SkippedImages() {
    this(null);
  }

  /**
   * Collects, and hands each newly skipped image to {@code onEach} as well (a {@code --verbose}
   * listing; called from the thread that found it).
   *
   * @param onEach per-image callback, or {@code null} for none
   */
  public SkippedImages(Consumer<Entry> onEach) {
    this.onEach = onEach;
  }

  /**
   * The entry for {@code file}, left out because of {@code problem} ({@link #reasonOf}, {@link
   * #detailOf}).
   */
  public static Entry entry(Path file, String sname, Throwable problem) {
    return new Entry(file, sname, reasonOf(problem), detailOf(problem));
  }

  /**
   * Records that {@code file} was left out because of {@code problem}.
   *
   * @return whether the file was new (not recorded before)
   */
  public boolean add(Path file, String sname, Throwable problem) {
    return add(entry(file, sname, problem));
  }

  /**
   * Records an entry, unless its file is already recorded.
   *
   * @return whether the file was new
   */
  public boolean add(Entry entry) {
    synchronized (entries) {
      if (entries.putIfAbsent(entry.file(), entry) != null) {
        return false;
      }
    }
    if (onEach != null) {
      onEach.accept(entry);
    }
    return true;
  }

  /** Whether nothing was skipped. */
  public boolean isEmpty() {
    synchronized (entries) {
      return entries.isEmpty();
    }
  }

  /** Number of images skipped. */
  public int count() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** The entries, in the order they were recorded. */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries.values());
    }
  }

  /** Images per reason, most common first (ties in order of first appearance). */
  public Map<String, Integer> byReason() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Entry e : entries()) {
      counts.merge(e.reason(), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
    Map<String, Integer> out = new LinkedHashMap<>();
    sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Writes the list to {@code csv} atomically (see the class comment). */
  public void write(Path csv) {
    Csv table = new Csv("file", "sname", "reason", "detail");
    for (Entry e : entries()) {
      table.row(e.file(), e.sname(), e.reason(), e.detail());
    }
    table.write(csv);
  }

  /**
   * One line for the user: {@code skipped 74 of 3187 images (more than 30% of pixels blank or NaN:
   * 74); the list with reasons is in RUN/skipped.csv}, naming the {@value #SHOWN_REASONS} most
   * common reasons and counting the others together.
   *
   * @param total images the job was given
   * @param csv where {@link #write} put the list
   */
  public String summary(long total, Path csv) {
    int n = count();
    StringBuilder sb =
        new StringBuilder("skipped ")
            .append(n)
            .append(" of ")
            .append(total)
            .append(total == 1 ? " image (" : " images (");
    int shown = 0;
    int others = 0;
    for (Map.Entry<String, Integer> r : byReason().entrySet()) {
      if (shown < SHOWN_REASONS) {
        sb.append(shown == 0 ? "" : "; ").append(r.getKey()).append(": ").append(r.getValue());
        shown++;
      } else {
        others += r.getValue();
      }
    }
    if (others > 0) {
      sb.append("; ").append(others).append(" for other reasons");
    }
    return sb.append("); the list with reasons is in ").append(csv).toString();
  }

  /** Writes the list to {@code csv} and returns its {@link #summary}. */
  public String writeAndSummarise(long total, Path csv) {
    write(csv);
    return summary(total, csv);
  }

  /**
   * The reason shared by images that failed like this one: for too many invalid pixels (anywhere in
   * the cause chain) {@link TooManyInvalidPixelsException#reason()}, for a bad file the problem
   * without the file name, else the message.
   */
  public static String reasonOf(Throwable problem) {
    for (Throwable t = problem; t != null; t = t.getCause()) {
      if (t instanceof TooManyInvalidPixelsException tooMany) {
        return tooMany.reason();
      }
    }
    return detailOf(problem);
  }

  /** The image's own message, without the file name when it is a {@link BadInputException}. */
  public static String detailOf(Throwable problem) {
    if (problem instanceof BadInputException bad) {
      return bad.problem();
    }
    String m = problem.getMessage();
    return m == null ? problem.toString() : m;
  }
}
