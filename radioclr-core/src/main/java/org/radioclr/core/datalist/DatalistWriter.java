package org.radioclr.core.datalist;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.RelativePaths;

/**
 * Writes a datalist entry by entry (Jackson streaming generator, one entry per line), so memory
 * stays flat however many entries are written.
 *
 * <p>Entries go to a temporary file beside the target; {@link #commit()} finishes the JSON and
 * renames it over the target in one step. {@link #close()} without a prior {@code commit()}
 * discards the temporary file and leaves any existing target untouched, so a writer abandoned by an
 * exception inside try-with-resources never leaves a half-written datalist:
 *
 * <pre>{@code
 * try (DatalistWriter w = DatalistWriter.open(target)) {
 *   for (DatalistEntry e : entries) w.write(e);
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>File paths under the target's folder are written relative to it, with {@code /} separators;
 * other paths are written absolute. Ids and labels are written as {@link LabelForm} says; extras
 * follow in their order. {@code NaN} and infinities are written as bare tokens, as Python's {@code
 * json} module does.
 */
public final class DatalistWriter implements AutoCloseable {
  private enum State {
    OPEN,
    COMMITTED,
    DISCARDED
  }

  private final Path target;
  private final Path base;
  private final LabelForm form;
  private final AtomicFiles.Pending pending;
  private final JsonGenerator gen;
  private State state = State.OPEN;
  private long written;

  private DatalistWriter(
      Path target, Path base, LabelForm form, AtomicFiles.Pending pending, JsonGenerator gen) {
    this.target = target;
    this.base = base;
    this.form = form;
    this.pending = pending;
    this.gen = gen;
  }

  /** Opens a writer with {@link LabelForm#SCALAR_WHEN_SINGLE}. */
  public static DatalistWriter open(Path target) {
    return open(target, LabelForm.SCALAR_WHEN_SINGLE);
  }

  /**
   * Opens a writer for {@code target}, creating its folder if needed.
   *
   * @throws BadInputException naming the target or its folder when it cannot be written
   */
  public static DatalistWriter open(Path target, LabelForm form) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(form, "form");
    Path base = target.toAbsolutePath().normalize().getParent();
    AtomicFiles.Pending pending = AtomicFiles.begin(target);
    try {
      OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(pending.temporary()), 1 << 16);
      JsonGenerator gen = DatalistJson.FACTORY.createGenerator(out, JsonEncoding.UTF8);
      gen.setRootValueSeparator(new SerializedString(",\n  "));
      gen.writeRaw("{\"data\": [\n  ");
      return new DatalistWriter(target, base, form, pending, gen);
    } catch (IOException e) {
      pending.close();
      throw failure(target, e);
    }
  }

  /**
   * Writes a whole datalist atomically.
   *
   * @return the number of entries written
   */
  public static long writeAll(
      Path target, Iterable<? extends DatalistEntry> entries, LabelForm form) {
    try (DatalistWriter w = open(target, form)) {
      for (DatalistEntry e : entries) {
        w.write(e);
      }
      w.commit();
      return w.written();
    }
  }

  /** Appends one entry. */
  public void write(DatalistEntry entry) {
    Objects.requireNonNull(entry, "entry");
    requireOpen();
    try {
      gen.writeStartObject();
      gen.writeArrayFieldStart(DatalistJson.FILEPATHS);
      for (Path f : entry.files()) {
        gen.writeString(relativize(f));
      }
      gen.writeEndArray();
      gen.writeStringField(DatalistJson.SNAME, entry.sname());
      if (!entry.ids().isEmpty()) {
        gen.writeFieldName(DatalistJson.ID);
        if (entry.ids().size() == 1 && form == LabelForm.SCALAR_WHEN_SINGLE) {
          gen.writeNumber(entry.ids().get(0));
        } else {
          gen.writeStartArray();
          for (int id : entry.ids()) {
            gen.writeNumber(id);
          }
          gen.writeEndArray();
        }
      }
      if (!entry.labels().isEmpty()) {
        gen.writeFieldName(DatalistJson.LABEL);
        if (entry.labels().size() == 1 && form == LabelForm.SCALAR_WHEN_SINGLE) {
          gen.writeString(entry.labels().get(0));
        } else {
          gen.writeStartArray();
          for (String label : entry.labels()) {
            gen.writeString(label);
          }
          gen.writeEndArray();
        }
      }
      for (Map.Entry<String, Object> extra : entry.extras().entrySet()) {
        gen.writeFieldName(extra.getKey());
        writeValue(extra.getValue());
      }
      gen.writeEndObject();
      written++;
    } catch (IOException e) {
      discard();
      throw failure(target, e);
    }
  }

  /** The number of entries written so far. */
  public long written() {
    return written;
  }

  /** The datalist this writer replaces on commit. */
  public Path target() {
    return target;
  }

  /**
   * Finishes the datalist and renames it over the target. After this the writer is closed.
   *
   * @throws BadInputException naming the target when the file cannot be finished or moved (the
   *     previous target, if any, is then untouched)
   */
  public void commit() {
    requireOpen();
    try {
      gen.writeRaw("\n]}\n");
      gen.close();
      pending.commit();
      state = State.COMMITTED;
    } catch (IOException e) {
      discard();
      throw failure(target, e);
    }
  }

  /**
   * Closes the writer. Without a prior {@link #commit()} the entries written are discarded and the
   * target is left as it was.
   */
  @Override
  public void close() {
    if (state == State.OPEN) {
      discard();
    }
  }

  private void discard() {
    state = State.DISCARDED;
    try {
      gen.close();
    } catch (IOException ignored) {
      // discarding anyway
    }
    pending.close();
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "datalist writer for " + target + " is already " + state.toString().toLowerCase());
    }
  }

  private String relativize(Path file) {
    return RelativePaths.from(base, file);
  }

  private void writeValue(Object v) throws IOException {
    switch (v) {
      case null -> gen.writeNull();
      case String s -> gen.writeString(s);
      case Boolean b -> gen.writeBoolean(b);
      case Integer i -> gen.writeNumber(i);
      case Long l -> gen.writeNumber(l);
      case Double d -> gen.writeNumber(d);
      case BigInteger b -> gen.writeNumber(b);
      case BigDecimal b -> gen.writeNumber(b);
      case List<?> list -> {
        gen.writeStartArray();
        for (Object o : list) {
          writeValue(o);
        }
        gen.writeEndArray();
      }
      case Map<?, ?> map -> {
        gen.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          gen.writeFieldName((String) e.getKey());
          writeValue(e.getValue());
        }
        gen.writeEndObject();
      }
      default ->
          throw new IllegalStateException("unexpected extra value type " + v.getClass().getName());
    }
  }

  private static BadInputException failure(Path target, IOException e) {
    return AtomicFiles.writeFailure(target, e);
  }
}
