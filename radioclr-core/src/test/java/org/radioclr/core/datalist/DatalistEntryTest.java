package org.radioclr.core.datalist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatalistEntryTest {
  private static final Path A = Path.of("/d/a.fits");

  @Test
  void copiesItsInputs() {
    List<String> labels = new ArrayList<>(List.of("FRII"));
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("rms", 1.5);
    extras.put("tags", new ArrayList<>(List.of("x")));
    DatalistEntry e = new DatalistEntry(List.of(A), "s", List.of(2), labels, extras);
    labels.add("FRI");
    extras.put("late", 1);
    assertEquals(List.of("FRII"), e.labels());
    assertEquals(List.of("rms", "tags"), List.copyOf(e.extras().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> e.extras().put("x", 1));
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) e.extras().get("tags");
    assertThrows(UnsupportedOperationException.class, () -> tags.add("y"));
  }

  @Test
  void keepsNullExtrasAndNormalisesFloats() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("none", null);
    extras.put("f", 0.5f);
    DatalistEntry e = new DatalistEntry(List.of(A), "s", List.of(), List.of(), extras);
    assertTrue(e.extras().containsKey("none"));
    assertEquals(0.5, e.extras().get("f"));
    assertTrue(e.isUnlabelled());
    assertEquals(1, e.channels());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    IllegalArgumentException noFiles =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DatalistEntry(List.of(), "s", List.of(), List.of(), Map.of()));
    assertTrue(noFiles.getMessage().contains("at least one file"));
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> DatalistEntry.unlabelled(A, " "));
    assertTrue(blank.getMessage().contains("sname"));
    IllegalArgumentException sizes =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DatalistEntry(List.of(A), "s", List.of(1), List.of("A", "B"), Map.of()));
    assertTrue(sizes.getMessage().contains("[1]") && sizes.getMessage().contains("[A, B]"));
    IllegalArgumentException reserved =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DatalistEntry(List.of(A), "s", List.of(), List.of(), Map.of("label", "x")));
    assertTrue(reserved.getMessage().contains("'label'"));
    IllegalArgumentException type =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new DatalistEntry(
                    List.of(A), "s", List.of(), List.of(), Map.of("when", new Object())));
    assertTrue(type.getMessage().contains("'when'"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DatalistEntry(List.of(A), "s", List.of(), List.of(""), Map.of()));
  }

  @Test
  void labelsWithoutIdsAndIdsWithoutLabelsAreAllowed() {
    DatalistEntry l = new DatalistEntry(List.of(A), "s", List.of(), List.of("A", "B"), Map.of());
    DatalistEntry i = new DatalistEntry(List.of(A), "s", List.of(3), List.of(), Map.of());
    assertFalse(l.isUnlabelled());
    assertFalse(i.isUnlabelled());
  }
}
