package org.radioclr.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;

/**
 * The labelled entries of a datalist, one class each, with their classes in id order ({@link
 * Classes#of}).
 *
 * @param file the datalist, named in errors
 * @param classes the classes
 * @param entries the labelled entries, in datalist order
 * @param unlabelled entries of the datalist left out for having no label
 */
public record LabelledEntries(
    Path file, Classes classes, List<DatalistEntry> entries, int unlabelled) {

  public LabelledEntries {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(classes, "classes");
    entries = List.copyOf(entries);
  }

  /**
   * Reads a datalist and keeps its labelled entries.
   *
   * @throws BadInputException naming the file when it is missing or broken, has no labelled entry,
   *     has an entry with several labels, or fewer than 2 classes
   */
  public static LabelledEntries read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such datalist file");
    }
    List<DatalistEntry> kept = new ArrayList<>();
    int unlabelled = 0;
    for (DatalistEntry e : DatalistReader.readAll(file)) {
      if (e.labels().isEmpty()) {
        unlabelled++;
        continue;
      }
      if (e.labels().size() > 1) {
        throw new BadInputException(
            file,
            "entry '"
                + e.sname()
                + "' has several labels "
                + e.labels()
                + "; evaluation needs one label per image");
      }
      kept.add(e);
    }
    if (kept.isEmpty()) {
      throw new BadInputException(
          file, "no labelled entry (give each entry a 'label' and an 'id'); nothing to evaluate");
    }
    return new LabelledEntries(file, Classes.of(file, kept), kept, unlabelled);
  }

  /** Number of labelled entries. */
  public int size() {
    return entries.size();
  }

  /** The class index of entry {@code i}. */
  public int label(int i) {
    return classes.indexOf(entries.get(i).labels().get(0));
  }
}
