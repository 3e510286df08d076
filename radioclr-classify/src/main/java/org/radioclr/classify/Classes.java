package org.radioclr.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;

/**
 * The classes of a labelled data set, in id order: {@code names.get(i)} is the label of class index
 * {@code i}, and {@code ids.get(i)} the id the data set gives it (ids need not be contiguous). In
 * JSON a list of {@link Entry} objects, {@code [{"id": 0, "label": "FRI"}, ...]}.
 *
 * @param names class labels, distinct, non-blank
 * @param ids the data set's id of each class, distinct, same length as {@code names}
 */
public record Classes(List<String> names, List<Integer> ids) {

  public Classes {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    if (names.size() != ids.size()) {
      throw new IllegalArgumentException(
          "names and ids must have the same length, got " + names + " and " + ids);
    }
    if (names.size() < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + names);
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("class names must be distinct, got " + names);
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("class ids must be distinct, got " + ids);
    }
  }

  /**
   * One class in JSON.
   *
   * @param id the data set's id
   * @param label the class label
   */
  public record Entry(int id, String label) {
    public Entry {
      Objects.requireNonNull(label, "label");
    }
  }

  /** The classes as (id, label) pairs, in order. */
  @JsonValue
  public List<Entry> entries() {
    List<Entry> list = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      list.add(new Entry(ids.get(i), names.get(i)));
    }
    return list;
  }

  /** The classes of (id, label) pairs, in order. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Classes ofEntries(List<Entry> entries) {
    return new Classes(
        entries.stream().map(Entry::label).toList(), entries.stream().map(Entry::id).toList());
  }

  /** Number of classes. */
  public int size() {
    return names.size();
  }

  /** The class index of a label. */
  public int indexOf(String label) {
    int i = names.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException("unknown class '" + label + "', known: " + names);
    }
    return i;
  }

  /**
   * The classes found in labelled datalist entries, ordered by id. Every entry must carry at least
   * one label with its id, and an id must always go with the same label.
   *
   * @param file the datalist, named in errors
   * @throws BadInputException naming the file when an entry is unlabelled, has labels without ids,
   *     an id is used for two labels (or a label with two ids), or fewer than 2 classes are present
   */
  public static Classes of(Path file, List<DatalistEntry> entries) {
    Map<Integer, String> byId = new TreeMap<>();
    Map<String, Integer> byName = new TreeMap<>();
    for (DatalistEntry e : entries) {
      if (e.labels().isEmpty()) {
        throw new BadInputException(file, "entry '" + e.sname() + "' has no label");
      }
      if (e.ids().size() != e.labels().size()) {
        throw new BadInputException(
            file, "entry '" + e.sname() + "' has labels " + e.labels() + " but ids " + e.ids());
      }
      for (int k = 0; k < e.ids().size(); k++) {
        int id = e.ids().get(k);
        String name = e.labels().get(k);
        String known = byId.putIfAbsent(id, name);
        Integer knownId = byName.putIfAbsent(name, id);
        if ((known != null && !known.equals(name)) || (knownId != null && knownId != id)) {
          throw new BadInputException(
              file,
              "entry '"
                  + e.sname()
                  + "' pairs id "
                  + id
                  + " with label '"
                  + name
                  + "', elsewhere id "
                  + (knownId != null ? knownId : id)
                  + " / label '"
                  + (known != null ? known : name)
                  + "'");
        }
      }
    }
    if (byId.size() < 2) {
      throw new BadInputException(
          file, "needs at least 2 classes to classify, found " + byId.values());
    }
    return new Classes(new ArrayList<>(byId.values()), new ArrayList<>(byId.keySet()));
  }

  /**
   * Checks that a second data set (a test set) has exactly these classes.
   *
   * @param other the classes of {@code otherFile}
   * @throws BadInputException naming {@code otherFile} and the classes that differ
   */
  public void requireSame(Classes other, Path otherFile) {
    if (!equals(other)) {
      List<String> missing = new ArrayList<>(names);
      missing.removeAll(other.names);
      List<String> extra = new ArrayList<>(other.names);
      extra.removeAll(names);
      throw new BadInputException(
          otherFile,
          "its classes differ from the training set's: "
              + (missing.isEmpty() ? "" : "missing " + missing + " ")
              + (extra.isEmpty() ? "" : "extra " + extra + " ")
              + "(train "
              + pairs()
              + ", here "
              + other.pairs()
              + ")");
    }
  }

  private String pairs() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      out.add(ids.get(i) + "=" + names.get(i));
    }
    return Collections.unmodifiableList(out).toString();
  }
}
