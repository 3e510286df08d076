package org.radioclr.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.FeatureTable;

class LabelledFeaturesTest {
  private static final Path FILE = Path.of("f.parquet");

  private static FeatureTable table(List<String> ids, List<String> labels) {
    int n = ids.size();
    float[][] f = new float[n][2];
    for (int i = 0; i < n; i++) {
      f[i][0] = i;
    }
    Map<String, List<String>> extras = new LinkedHashMap<>();
    extras.put("morph", Arrays.asList("x", "y", null, "x").subList(0, n));
    return new FeatureTable(List.of("a", "b", "c", "d").subList(0, n), ids, labels, extras, f);
  }

  @Test
  void classesFollowIdsAndUnlabelledRowsAreLeftOut() {
    LabelledFeatures l =
        LabelledFeatures.of(
            FILE, table(List.of("3", "", "1;3", "1"), List.of("FRII", "", "FRI;FRII", "FRI")));
    assertEquals(List.of("FRI", "FRII"), l.classes().names());
    assertEquals(List.of(1, 3), l.classes().ids());
    assertEquals(List.of("a", "c", "d"), l.snames());
    assertTrue(l.multiLabel());
    assertEquals(1, l.unlabelled());
    assertArrayEquals(new int[] {0, 1}, l.truth()[1]);
    assertEquals(2.0f, l.features()[1][0]);
    assertEquals(List.of("f0", "f1"), l.featureNames());
  }

  @Test
  void withoutIdsClassesAreSortedByName() {
    LabelledFeatures l =
        LabelledFeatures.of(FILE, table(List.of("", "", ""), List.of("b", "a", "b")));
    assertEquals(List.of("a", "b"), l.classes().names());
    assertArrayEquals(new int[] {1, 0, 1}, l.singleLabels());
    LabelledFeatures sub = l.rows(new int[] {2, 1});
    assertEquals(List.of("c", "b"), sub.snames());
  }

  @Test
  void classesFromAnotherColumn() {
    LabelledFeatures l =
        LabelledFeatures.fromColumn(
            FILE, table(List.of("", "", "", ""), List.of("", "", "", "")), "morph");
    assertEquals(List.of("x", "y"), l.classes().names());
    assertEquals(List.of("a", "b", "d"), l.snames());
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                LabelledFeatures.fromColumn(FILE, table(List.of("", ""), List.of("", "")), "size"));
    assertEquals("f.parquet: no column 'size'; columns: [sname, id, label, morph]", e.getMessage());
  }

  @Test
  void aFeatureThatIsNotANumberIsNamedWithItsTableRowAndFrame() {
    FeatureTable t = table(List.of("", "", ""), List.of("a", "", "b"));
    t.features()[2][1] = Float.NaN;
    BadInputException e = assertThrows(BadInputException.class, () -> LabelledFeatures.of(FILE, t));
    assertEquals("f.parquet: row 2 (c): f1 is empty or NaN", e.getMessage());
    // an unlabelled row is not used, so its features are not checked
    t.features()[2][1] = 0;
    t.features()[1][0] = Float.POSITIVE_INFINITY;
    assertEquals(2, LabelledFeatures.of(FILE, t).size());
    t.features()[0][0] = Float.NEGATIVE_INFINITY;
    e = assertThrows(BadInputException.class, () -> LabelledFeatures.of(FILE, t));
    assertEquals("f.parquet: row 0 (a): f0 is not finite (-Infinity)", e.getMessage());
  }

  @Test
  void badLabelsAreOneLineErrors() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> LabelledFeatures.of(FILE, table(List.of("", ""), List.of("", ""))));
    assertEquals("f.parquet: no labelled rows (the 'label' column is empty)", e.getMessage());
    e =
        assertThrows(
            BadInputException.class,
            () -> LabelledFeatures.of(FILE, table(List.of("1", "1"), List.of("A", "B"))));
    assertEquals(
        "f.parquet: row 'b' pairs id 1 with label 'B', elsewhere id 1 / label 'A'", e.getMessage());
    e =
        assertThrows(
            BadInputException.class,
            () -> LabelledFeatures.of(FILE, table(List.of("", ""), List.of("A", "A"))));
    assertEquals("f.parquet: needs at least 2 classes to classify, found [A]", e.getMessage());
    LabelledFeatures multi = LabelledFeatures.of(FILE, table(List.of("", ""), List.of("A;B", "A")));
    e = assertThrows(BadInputException.class, multi::singleLabels);
    assertEquals("f.parquet: row 'a' has 2 labels; this needs single-label data", e.getMessage());
  }
}
