package org.radioclr.formats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radioclr.core.datalist.DatalistEntry;

class FeatureColumnsTest {
  static DatalistEntry entry(Map<String, Object> extras) {
    return new DatalistEntry(
        List.of(Path.of("/a.fits")), "s", List.of(1, 2), List.of("FRI", "FRII"), extras);
  }

  @Test
  void extrasOfTheFirstEntryWithScalarValuesInOrder() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("rms", 1.5e-4);
    extras.put("x0", 12);
    extras.put("map", "EMU.fits");
    extras.put("flag", true);
    extras.put("tags", List.of(1, 2));
    extras.put("nothing", null);
    extras.put("f3", 1.0);
    FeatureColumns columns = FeatureColumns.of(entry(extras), 4);
    assertEquals(List.of("rms", "x0", "map", "flag"), columns.extraNames());
    assertEquals(List.of(true, true, false, false), columns.extraNumeric());
    assertEquals(
        List.of("sname", "id", "label", "rms", "x0", "map", "flag", "f0", "f1", "f2", "f3"),
        columns.names());
  }

  @Test
  void cellsJoinListsAndConvertExtras() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("rms", 2);
    extras.put("map", "m");
    FeatureColumns columns = FeatureColumns.of(entry(extras), 1);
    DatalistEntry e = entry(extras);
    assertEquals("1;2", FeatureColumns.ids(e));
    assertEquals("FRI;FRII", FeatureColumns.labels(e));
    assertEquals(2.0, columns.extra(e, 0));
    assertEquals("m", columns.extra(e, 1));
    DatalistEntry unlabelled = DatalistEntry.unlabelled(Path.of("/b.fits"), "b");
    assertNull(FeatureColumns.ids(unlabelled));
    assertNull(FeatureColumns.labels(unlabelled));
    assertNull(columns.extra(unlabelled, 0));
    DatalistEntry wrongType = entry(Map.of("rms", "high", "map", 3));
    assertNull(columns.extra(wrongType, 0), "text in a numeric column is NULL");
    assertEquals("3", columns.extra(wrongType, 1));
  }

  @Test
  void badColumnsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new FeatureColumns(List.of(), List.of(), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureColumns(List.of("label"), List.of(true), 2));
    assertThrows(
        IllegalArgumentException.class, () -> new FeatureColumns(List.of("a"), List.of(), 2));
  }
}
