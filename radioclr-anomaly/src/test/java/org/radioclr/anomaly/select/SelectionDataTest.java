package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.FeatureTable;

class SelectionDataTest {
  static final Path TABLE = Path.of("f.parquet");
  static final Path LABELS = Path.of("labels.json");

  static FeatureTable table(int n) {
    List<String> s = new ArrayList<>();
    float[][] x = new float[n][3];
    for (int i = 0; i < n; i++) {
      s.add("s" + i);
      x[i][0] = i;
    }
    List<String> blank = Collections.nCopies(n, "");
    return new FeatureTable(s, blank, blank, Map.of(), x);
  }

  static FrameLabels labels(int n, int everyPositive) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("s" + i, i % everyPositive == 0 ? List.of("COMPACT", "DIFFUSE") : List.of("COMPACT"));
    }
    return new FrameLabels(LABELS, m);
  }

  @Test
  void keepsLabelledRowsOnly() {
    SelectionData d =
        SelectionData.of(TABLE, table(30), labels(25, 5), SelectConfig.PAPER_POSITIVES);
    assertEquals(25, d.size());
    assertEquals(5, d.positives());
    assertEquals(List.of("f0", "f1", "f2"), d.featureNames());
    assertEquals(24f, d.features()[24][0]);
  }

  @Test
  void badInputIsOneClearErrorEach() {
    BadInputException none =
        assertThrows(
            BadInputException.class,
            () -> SelectionData.of(TABLE, table(30), labels(25, 1000), List.of("EXTENDED")));
    assertEquals(
        "labels.json: no labelled frame has any of the positive labels [EXTENDED]; labels seen:"
            + " COMPACT, DIFFUSE",
        none.getMessage());
    BadInputException typo =
        assertThrows(
            BadInputException.class,
            () -> SelectionData.of(TABLE, table(30), labels(25, 5), List.of("DIFUSE")));
    assertEquals(
        "labels.json: positive label 'DIFUSE' is not among the labels seen: COMPACT, DIFFUSE",
        typo.getMessage());
    BadInputException few =
        assertThrows(
            BadInputException.class,
            () -> SelectionData.of(TABLE, table(30), labels(19, 5), List.of("DIFFUSE")));
    assertEquals(
        "labels.json: only 19 labelled frame(s); feature selection needs at least 20",
        few.getMessage());
    BadInputException all =
        assertThrows(
            BadInputException.class,
            () -> SelectionData.of(TABLE, table(30), labels(25, 1), List.of("DIFFUSE")));
    assertEquals(
        "labels.json: every labelled frame has a positive label [DIFFUSE]; feature selection"
            + " needs ordinary frames too",
        all.getMessage());
    BadInputException unknown =
        assertThrows(
            BadInputException.class,
            () -> SelectionData.of(TABLE, table(10), labels(25, 5), List.of("DIFFUSE")));
    assertEquals(
        "labels.json: 15 labelled frame(s) are not in f.parquet, e.g. [s10, s11, s12]",
        unknown.getMessage());
  }
}
