package org.radioclr.spark.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;

/**
 * The part file of one Spark task: the feature rows of its frames, each the frame's index in the
 * datalist and its features, in a plain binary form ({@code RCLRPART}, the row width, then per row
 * a {@code long} index and {@code width} floats, big-endian). Parts are intermediate (the driver
 * turns them into the feature table and deletes them), so they skip the cost of a table format: a
 * DuckDB Parquet file per task cost about a second whatever its size.
 */
final class PartFiles {
  private static final long MAGIC = 0x52434C5250415254L; // "RCLRPART"

  private PartFiles() {}

  /** Writes rows into a part, which appears at its path only on {@link #commit}. */
  static final class Writer implements AutoCloseable {
    private final AtomicFiles.Pending pending;
    private final DataOutputStream out;
    private final int width;

    Writer(Path part, int width) {
      this.pending = AtomicFiles.begin(part);
      this.width = width;
      try {
        OutputStream file = Files.newOutputStream(pending.temporary());
        this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16));
        out.writeLong(MAGIC);
        out.writeInt(width);
      } catch (IOException e) {
        pending.close();
        throw AtomicFiles.writeFailure(part, e);
      }
    }

    /** Appends the row of frame {@code index}: {@code features[offset .. offset + width)}. */
    void write(long index, float[] features, int offset) {
      try {
        out.writeLong(index);
        for (int i = 0; i < width; i++) {
          out.writeFloat(features[offset + i]);
        }
      } catch (IOException e) {
        throw AtomicFiles.writeFailure(pending.temporary(), e);
      }
    }

    /** Finishes the file and renames it into place. */
    void commit() {
      try {
        out.close();
      } catch (IOException e) {
        throw AtomicFiles.writeFailure(pending.temporary(), e);
      }
      pending.commit();
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException ignored) {
        // the temporary file is discarded
      }
      pending.close();
    }
  }

  /** Receives the rows of a part. */
  @FunctionalInterface
  interface RowReader {
    void row(long index, float[] features);
  }

  /**
   * Reads every row of {@code part} in order (the array is reused between rows).
   *
   * @throws BadInputException naming the part when it is unreadable, not a part, or truncated
   */
  static void read(Path part, RowReader rows) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(part), 1 << 16))) {
      if (in.readLong() != MAGIC) {
        throw new BadInputException(part, "not a radioclr part file");
      }
      float[] features = new float[in.readInt()];
      while (true) {
        long index;
        try {
          index = in.readLong();
        } catch (EOFException end) {
          return;
        }
        for (int i = 0; i < features.length; i++) {
          features[i] = in.readFloat();
        }
        rows.row(index, features);
      }
    } catch (EOFException e) {
      throw new BadInputException(part, "truncated part file", e);
    } catch (IOException e) {
      throw new BadInputException(part, "cannot read: " + e.getMessage(), e);
    }
  }
}
