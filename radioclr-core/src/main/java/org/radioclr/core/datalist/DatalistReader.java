package org.radioclr.core.datalist;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.radioclr.core.BadInputException;

/**
 * Streams the entries of a datalist file one at a time (Jackson streaming parser; only the current
 * entry is held in memory), in file order.
 *
 * <p>File paths are resolved against the datalist's folder and normalised (absolute paths are
 * kept). An entry without {@code sname} gets the name of its first file without extension. Fields
 * of the top-level object other than {@code data} are skipped. Duplicate snames are not an error
 * here (the reader keeps no state across entries); {@link DatalistSummary} reports them.
 *
 * <p>Every problem is a {@link BadInputException} naming the file and the entry, as {@code data[12]
 * (sname src12): id must be an integer or a list of integers, got 1.5}: not JSON or truncated, no
 * {@code data} array, an entry that is not an object, no or empty {@code filepaths}, wrong types,
 * ids and labels of different lengths.
 */
public final class DatalistReader implements Iterator<DatalistEntry>, AutoCloseable {
  private final Path file;
  private final Path base;
  private final JsonParser parser;
  private int nextIndex;
  private DatalistEntry pending;
  private boolean finished;

  private DatalistReader(Path file, Path base, JsonParser parser) {
    this.file = file;
    this.base = base;
    this.parser = parser;
  }

  /**
   * Opens a datalist and positions the reader at its first entry.
   *
   * @throws BadInputException when the file is missing, unreadable, not JSON, or has no {@code
   *     data} array
   */
  public static DatalistReader open(Path file) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file, "is a folder, not a datalist file");
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such file", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    JsonParser parser = null;
    try {
      parser = DatalistJson.FACTORY.createParser(in);
      parser.setCodec(DatalistJson.MAPPER);
      Path base = file.toAbsolutePath().normalize().getParent();
      DatalistReader reader = new DatalistReader(file, base, parser);
      reader.seekData();
      return reader;
    } catch (RuntimeException | IOException e) {
      closeQuietly(parser, in);
      if (e instanceof BadInputException b) {
        throw b;
      }
      throw translate(file, "", e);
    }
  }

  /**
   * Reads a whole datalist into memory (convenient for small lists; use {@link #open} to stream).
   */
  public static List<DatalistEntry> readAll(Path file) {
    try (DatalistReader reader = open(file)) {
      List<DatalistEntry> all = new ArrayList<>();
      reader.forEachRemaining(all::add);
      return Collections.unmodifiableList(all);
    }
  }

  /**
   * The remaining entries as a sequential stream; closing the stream closes this reader. Use in
   * try-with-resources.
   */
  public Stream<DatalistEntry> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** The datalist being read. */
  public Path file() {
    return file;
  }

  /** The number of entries returned by {@link #next()} so far. */
  public int entriesRead() {
    return pending == null ? nextIndex : nextIndex - 1;
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    int index = nextIndex;
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        finishTopLevel();
        finished = true;
        return false;
      }
      if (t != JsonToken.START_OBJECT) {
        throw new BadInputException(
            file, "data[" + index + "]: an entry must be a JSON object, got " + describe(t));
      }
      JsonNode node = parser.readValueAsTree();
      pending = toEntry(node, index);
      nextIndex++;
      return true;
    } catch (BadInputException e) {
      finished = true;
      throw e;
    } catch (IOException | RuntimeException e) {
      finished = true;
      throw translate(file, "data[" + index + "]: ", e);
    }
  }

  @Override
  public DatalistEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in " + file);
    }
    DatalistEntry e = pending;
    pending = null;
    return e;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void seekData() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw new BadInputException(file, "empty file, not a datalist");
    }
    if (t != JsonToken.START_OBJECT) {
      throw new BadInputException(
          file, "a datalist must be a JSON object with a \"data\" list, got " + describe(t));
    }
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (DatalistJson.DATA.equals(name)) {
        if (value != JsonToken.START_ARRAY) {
          throw new BadInputException(file, "\"data\" must be a list, got " + describe(value));
        }
        return;
      }
      parser.skipChildren();
    }
    throw new BadInputException(file, "no \"data\" list in the top-level object");
  }

  /** Reads past the rest of the top-level object so that truncated files are noticed. */
  private void finishTopLevel() throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      parser.nextToken();
      parser.skipChildren();
    }
    if (t != JsonToken.END_OBJECT) {
      throw new BadInputException(file, "unexpected " + describe(t) + " after the \"data\" list");
    }
    t = parser.nextToken();
    if (t != null) {
      throw new BadInputException(
          file, "unexpected " + describe(t) + " after the end of the datalist object");
    }
  }

  private DatalistEntry toEntry(JsonNode node, int index) {
    String where = "data[" + index + "]";
    JsonNode snameNode = node.get(DatalistJson.SNAME);
    String sname = null;
    if (snameNode != null && !snameNode.isNull()) {
      if (!snameNode.isTextual()) {
        throw bad(where, "sname must be a string, got " + describe(snameNode));
      }
      sname = snameNode.textValue();
      if (sname.isBlank()) {
        throw bad(where, "sname is blank");
      }
      where = where + " (sname " + sname + ")";
    }
    List<Path> files = readFiles(where, node.get(DatalistJson.FILEPATHS));
    if (sname == null) {
      sname = stem(files.get(0));
    }
    List<String> labels = readLabels(where, node.get(DatalistJson.LABEL));
    List<Integer> ids = readIds(where, node.get(DatalistJson.ID));
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!DatalistEntry.RESERVED.contains(field.getKey())) {
        extras.put(field.getKey(), toJava(field.getValue()));
      }
    }
    try {
      return new DatalistEntry(files, sname, ids, labels, extras);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, where + ": " + e.getMessage(), e);
    }
  }

  private List<Path> readFiles(String where, JsonNode node) {
    if (node == null || node.isNull()) {
      throw bad(where, "no \"filepaths\" list");
    }
    if (!node.isArray()) {
      throw bad(where, "filepaths must be a list of file names, got " + describe(node));
    }
    if (node.isEmpty()) {
      throw bad(where, "filepaths is an empty list");
    }
    List<Path> files = new ArrayList<>(node.size());
    for (JsonNode f : node) {
      if (!f.isTextual() || f.textValue().isBlank()) {
        throw bad(where, "filepaths must hold non-blank file names, got " + describe(f));
      }
      try {
        files.add(base.resolve(Path.of(f.textValue())).normalize());
      } catch (InvalidPathException e) {
        throw bad(where, "filepaths holds an invalid path '" + f.textValue() + "'");
      }
    }
    return files;
  }

  private List<String> readLabels(String where, JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.textValue());
    }
    String problem = "label must be a string or a list of strings, got ";
    if (!node.isArray()) {
      throw bad(where, problem + describe(node));
    }
    List<String> labels = new ArrayList<>(node.size());
    for (JsonNode l : node) {
      if (!l.isTextual()) {
        throw bad(where, problem + "a list holding " + describe(l));
      }
      labels.add(l.textValue());
    }
    return labels;
  }

  private List<Integer> readIds(String where, JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    String problem = "id must be an integer or a list of integers, got ";
    if (node.isIntegralNumber()) {
      if (!node.canConvertToInt()) {
        throw bad(where, problem + describe(node));
      }
      return List.of(node.intValue());
    }
    if (!node.isArray()) {
      throw bad(where, problem + describe(node));
    }
    List<Integer> ids = new ArrayList<>(node.size());
    for (JsonNode i : node) {
      if (!i.isIntegralNumber() || !i.canConvertToInt()) {
        throw bad(where, problem + "a list holding " + describe(i));
      }
      ids.add(i.intValue());
    }
    return ids;
  }

  private BadInputException bad(String where, String problem) {
    return new BadInputException(file, where + ": " + problem);
  }

  private static Object toJava(JsonNode n) {
    switch (n.getNodeType()) {
      case STRING:
        return n.textValue();
      case BOOLEAN:
        return n.booleanValue();
      case NULL:
      case MISSING:
        return null;
      case NUMBER:
        return n.numberValue();
      case ARRAY:
        {
          List<Object> list = new ArrayList<>(n.size());
          for (JsonNode e : n) {
            list.add(toJava(e));
          }
          return list;
        }
      case OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> e : n.properties()) {
            map.put(e.getKey(), toJava(e.getValue()));
          }
          return map;
        }
      default:
        return n.asText();
    }
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> "string \"" + n.textValue() + "\"";
      case NUMBER -> "number " + n.numberValue();
      case BOOLEAN -> "boolean " + n.booleanValue();
      case NULL -> "null";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "end of file";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  private static BadInputException translate(Path file, String where, Exception e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation loc = j.getLocation();
      String at =
          loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      String msg = j.getOriginalMessage();
      int nl = msg == null ? -1 : msg.indexOf('\n');
      if (nl >= 0) {
        msg = msg.substring(0, nl);
      }
      return new BadInputException(file, where + "not valid JSON: " + msg + at, e);
    }
    if (e instanceof IOException) {
      return new BadInputException(file, where + "cannot read: " + e.getMessage(), e);
    }
    if (e instanceof RuntimeException r && !(e instanceof IllegalArgumentException)) {
      throw r;
    }
    return new BadInputException(file, where + e.getMessage(), e);
  }

  private static void closeQuietly(JsonParser parser, InputStream in) {
    try {
      if (parser != null) {
        parser.close();
      }
      in.close();
    } catch (IOException ignored) {
      // the original failure is the one worth reporting
    }
  }
}
