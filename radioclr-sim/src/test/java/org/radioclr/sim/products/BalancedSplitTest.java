package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BalancedSplitTest {
  private static final List<String> CLASSES = List.of("1C-1P", "1C-2P", "2C-2P", "3C-3P");

  /** 50 of 1C-1P, 20 of 1C-2P, 8 of 2C-2P, 1 of 3C-3P and 5 of an unlisted class. */
  private static List<String> items() {
    List<String> out = new ArrayList<>();
    int[] counts = {50, 20, 8, 1};
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        out.add(CLASSES.get(c) + "#" + i);
      }
    }
    for (int i = 0; i < 5; i++) {
      out.add("4C-4P#" + i);
    }
    return out;
  }

  private static String label(String item) {
    return item.substring(0, item.indexOf('#'));
  }

  private static BalancedSplit<String> split(long seed) {
    return BalancedSplit.of(items(), BalancedSplitTest::label, CLASSES, 0.625, 2, seed);
  }

  @Test
  void equalCountsPerClassCappedByTheRarest() {
    BalancedSplit<String> s = split(7);
    assertEquals(8, s.perClass());
    assertEquals(List.of("1C-1P", "1C-2P", "2C-2P"), s.classes());
    assertEquals(Map.of("3C-3P", 1), s.dropped());
    Map<String, Long> train =
        s.train().stream()
            .collect(Collectors.groupingBy(BalancedSplitTest::label, Collectors.counting()));
    Map<String, Long> test =
        s.test().stream()
            .collect(Collectors.groupingBy(BalancedSplitTest::label, Collectors.counting()));
    assertEquals(Map.of("1C-1P", 5L, "1C-2P", 5L, "2C-2P", 5L), train, "round(8 x 0.625) = 5");
    assertEquals(Map.of("1C-1P", 3L, "1C-2P", 3L, "2C-2P", 3L), test);
  }

  @Test
  void trainAndTestAreDisjointAndSeeded() {
    BalancedSplit<String> a = split(7);
    Set<String> train = new HashSet<>(a.train());
    assertEquals(a.train().size(), train.size(), "no repeats");
    for (String t : a.test()) {
      assertTrue(!train.contains(t), t + " in both");
    }
    assertEquals(a, split(7), "same seed, same split");
    BalancedSplit<String> b = split(8);
    assertNotEquals(a.train(), b.train(), "another seed draws other items");
    // every 2C-2P item is used: 8 of 8
    assertEquals(
        8,
        a.train().stream().filter(x -> x.startsWith("2C-2P")).count()
            + a.test().stream().filter(x -> x.startsWith("2C-2P")).count());
  }

  @Test
  void noClassWithEnoughItemsGivesEmptySets() {
    BalancedSplit<String> s =
        BalancedSplit.of(List.of("1C-1P#0"), BalancedSplitTest::label, CLASSES, 0.5, 2, 1);
    assertTrue(s.train().isEmpty() && s.test().isEmpty());
    assertEquals(0, s.perClass());
  }

  @Test
  void badSettingsNameTheValue() {
    Function<String, String> l = BalancedSplitTest::label;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BalancedSplit.of(items(), l, CLASSES, 1.0, 2, 1));
    assertEquals("train fraction must be in (0, 1), got 1.0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> BalancedSplit.of(items(), l, CLASSES, 0.5, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> BalancedSplit.of(items(), l, List.of("a", "a"), 0.5, 2, 1));
  }
}
