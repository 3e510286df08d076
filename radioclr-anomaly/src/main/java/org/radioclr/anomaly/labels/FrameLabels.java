package org.radioclr.anomaly.labels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.formats.table.FeatureTable;

/**
 * Frame labels by source name: the §5.1 labels of each labelled frame ({@code PECULIAR}, {@code
 * COMPACT}, ...). Frames with no labels are unlabelled and absent here.
 *
 * @param source the file the labels came from, named in errors
 * @param bySname labels of each labelled frame, in file order, each list non-empty
 */
public record FrameLabels(Path source, Map<String, List<String>> bySname) {

  /** The label of a peculiar frame. */
  public static final String PECULIAR = FrameLabel.PECULIAR.label();

  public FrameLabels {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    bySname.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            throw new IllegalArgumentException("frame '" + k + "' has an empty label list");
          }
          copy.put(k, List.copyOf(v));
        });
    bySname = Collections.unmodifiableMap(copy);
  }

  /**
   * Labels from a datalist (the simulator's {@code sets/anomaly/datalist.json}, or any datalist
   * with label lists).
   *
   * @throws BadInputException naming the file when it cannot be read or two entries share a name
   */
  public static FrameLabels fromDatalist(Path datalist) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (DatalistEntry e : DatalistReader.readAll(datalist)) {
      if (map.containsKey(e.sname())) {
        throw new BadInputException(datalist, "frame '" + e.sname() + "' is listed twice");
      }
      if (!e.labels().isEmpty()) {
        map.put(e.sname(), e.labels());
      }
    }
    return new FrameLabels(datalist, map);
  }

  /** Labels from a feature table's own {@code label} column ({@code "A;B"} lists). */
  public static FrameLabels fromTable(Path file, FeatureTable table) {
    return fromCells(file, table.snames(), table.labels());
  }

  /**
   * Labels from a table's {@code label} cells ({@code "A;B"} lists; blank or null cells are
   * unlabelled frames).
   *
   * @param source the table's file, named in errors
   * @param snames the rows' source names
   * @param cells the rows' label cells, one per name
   */
  public static FrameLabels fromCells(Path source, List<String> snames, List<String> cells) {
    if (snames.size() != cells.size()) {
      throw new IllegalArgumentException(
          snames.size() + " source names but " + cells.size() + " label cells");
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < snames.size(); i++) {
      String cell = cells.get(i);
      if (cell != null && !cell.isBlank()) {
        map.put(
            snames.get(i),
            Arrays.stream(cell.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList());
      }
    }
    return new FrameLabels(source, map);
  }

  /** The labels of a frame, or an empty list when it is unlabelled. */
  public List<String> of(String sname) {
    return bySname.getOrDefault(sname, List.of());
  }

  /** Whether a frame is labelled PECULIAR. */
  public boolean isPeculiar(String sname) {
    return of(sname).contains(PECULIAR);
  }

  /** Number of labelled frames. */
  public int size() {
    return bySname.size();
  }

  /**
   * Checks that every labelled frame is one of the rows being evaluated.
   *
   * @param rows the source names of the rows (e.g. a feature or score table's)
   * @param rowsFile the file of those rows, named in the error
   * @throws BadInputException naming the labels file, the first few unknown frames and {@code
   *     rowsFile} when labels name frames that are not rows
   */
  public void requireKnown(Collection<String> rows, Path rowsFile) {
    Set<String> known = new HashSet<>(rows);
    List<String> unknown = new ArrayList<>();
    for (String s : bySname.keySet()) {
      if (!known.contains(s)) {
        unknown.add(s);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException(
          source,
          unknown.size()
              + " labelled frame(s) are not in "
              + rowsFile
              + ", e.g. "
              + unknown.subList(0, Math.min(3, unknown.size())));
    }
  }
}
