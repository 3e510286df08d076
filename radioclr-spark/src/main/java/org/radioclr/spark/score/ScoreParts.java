package org.radioclr.spark.score;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.radioclr.anomaly.scores.ForestScoring;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;

/**
 * The part file of one scoring task: the scores of its rows in a plain binary form ({@code
 * RCLRSCOR}, then per row the sname (modified UTF-8), the score (double) and the outlier flag,
 * big-endian). Parts are intermediate: the driver writes them into the score table and deletes
 * them.
 */
final class ScoreParts {
  private static final long MAGIC = 0x52434C5253434F52L; // "RCLRSCOR"

  private ScoreParts() {}

  /** The part of partition {@code partition} in {@code parts}. */
  static Path part(Path parts, int partition) {
    return parts.resolve(String.format(Locale.ROOT, "part-%05d.bin", partition));
  }

  /** Receives the rows of a part. */
  @FunctionalInterface
  interface Producer {
    /** Hands every row of the part to the sink. */
    void produce(ForestScoring.ScoreSink sink);
  }

  /**
   * Writes the rows {@code rows} produces into {@code part}, which appears only once they are all
   * written (a failed or killed task leaves none).
   *
   * @param beforeCommit called after the rows are written, before the rename (may throw)
   */
  static void write(Path part, Producer rows, Runnable beforeCommit) {
    AtomicFiles.write(
        part,
        tmp -> {
          try (DataOutputStream out =
              new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeLong(MAGIC);
            rows.produce(
                (sname, score, outlier) -> {
                  try {
                    out.writeUTF(sname);
                    out.writeDouble(score);
                    out.writeBoolean(outlier);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          beforeCommit.run();
        });
  }

  /** A row of a part. */
  record Row(String sname, double score, boolean outlier) {}

  /**
   * Reads every row of {@code part} in order.
   *
   * @throws BadInputException naming the part when it is unreadable, not a part, or truncated
   */
  static void read(Path part, Consumer<Row> rows) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(part), 1 << 16))) {
      if (in.readLong() != MAGIC) {
        throw new BadInputException(part, "not a radioclr score part file");
      }
      while (true) {
        String sname;
        try {
          sname = in.readUTF();
        } catch (EOFException end) {
          return;
        }
        rows.accept(new Row(sname, in.readDouble(), in.readBoolean()));
      }
    } catch (EOFException e) {
      throw new BadInputException(part, "truncated part file", e);
    } catch (IOException e) {
      throw new BadInputException(part, "cannot read: " + e.getMessage(), e);
    }
  }
}
