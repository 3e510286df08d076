package org.radioclr.core.datalist;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One image of a datalist: its files (one per channel or survey, usually one), its source name, and
 * its labels.
 *
 * <p>{@code ids} and {@code labels} are lists, empty for unlabelled data; when both are given they
 * are parallel ({@code ids.get(i)} is the class id of {@code labels.get(i)}), so their sizes must
 * agree. {@code extras} keeps any other fields of the entry ({@code map}, {@code x0}, {@code ra},
 * {@code rms}, ...) in their file order; values are {@code String}, {@code Boolean}, {@code
 * Integer}/{@code Long}/{@code BigInteger}, {@code Double} (a {@code Float} or {@code BigDecimal}
 * given here is held as {@code Double}, as Python reads JSON), {@code null}, or lists and
 * string-keyed maps of those. Whether the file wrote a single label as a scalar or as a one-element
 * list is not kept: {@link LabelForm} chooses the form when writing.
 *
 * <p>Paths are as given: {@link DatalistReader} makes them absolute (resolved against the
 * datalist's folder), {@link DatalistWriter} writes them relative to the datalist's folder when
 * they lie under it.
 */
public record DatalistEntry(
    List<Path> files,
    String sname,
    List<Integer> ids,
    List<String> labels,
    Map<String, Object> extras) {

  /** Field names with a meaning of their own, which cannot be extras. */
  public static final Set<String> RESERVED = Set.of("filepaths", "sname", "id", "label");

  public DatalistEntry {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(extras, "extras");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("an entry needs at least one file, got none");
    }
    if (files.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("files must not contain null, got " + files);
    }
    if (sname == null || sname.isBlank()) {
      throw new IllegalArgumentException("sname must be a non-blank string, got '" + sname + "'");
    }
    if (ids.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("ids must not contain null, got " + ids);
    }
    for (String label : labels) {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("labels must be non-blank strings, got " + labels);
      }
    }
    if (!ids.isEmpty() && !labels.isEmpty() && ids.size() != labels.size()) {
      throw new IllegalArgumentException(
          "ids and labels must have the same length, got ids " + ids + " and labels " + labels);
    }
    files = List.copyOf(files);
    ids = List.copyOf(ids);
    labels = List.copyOf(labels);
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : extras.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "extras key");
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("extras must not hold the reserved field '" + key + "'");
      }
      copy.put(key, copyValue(key, e.getValue()));
    }
    extras = Collections.unmodifiableMap(copy);
  }

  /** An unlabelled entry with one file and no extras. */
  public static DatalistEntry unlabelled(Path file, String sname) {
    return new DatalistEntry(List.of(file), sname, List.of(), List.of(), Map.of());
  }

  /** A single-label entry with one file and no extras. */
  public static DatalistEntry labelled(Path file, String sname, int id, String label) {
    return new DatalistEntry(List.of(file), sname, List.of(id), List.of(label), Map.of());
  }

  /** True when the entry has neither labels nor ids. */
  public boolean isUnlabelled() {
    return labels.isEmpty() && ids.isEmpty();
  }

  /** The number of files (channels) of this image. */
  public int channels() {
    return files.size();
  }

  /** This entry with other files (same order), e.g. resolved or moved. */
  public DatalistEntry withFiles(List<Path> newFiles) {
    return new DatalistEntry(newFiles, sname, ids, labels, extras);
  }

  /** This entry with other extras. */
  public DatalistEntry withExtras(Map<String, Object> newExtras) {
    return new DatalistEntry(files, sname, ids, labels, newExtras);
  }

  private static Object copyValue(String key, Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(copyValue(key, o));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException(
              "extra '" + key + "' holds a map with a non-string key " + e.getKey());
        }
        copy.put(k, copyValue(key, e.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(
        "extra '"
            + key
            + "' must be a JSON value (string, number, boolean, null, list, map), got "
            + value.getClass().getSimpleName());
  }
}
