package org.radioclr.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardTest {

  @Test
  void parsesIOfNAndRejectsEverythingElse() {
    assertEquals(new Shard(3, 8), Shard.parse("3/8"));
    assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
    for (String bad :
        new String[] {"3/3", "-1/2", "x/y", "1", "0/0", "1/2/3", "", "9999999999/2"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
      assertTrue(e.getMessage().contains("'" + bad.strip() + "'"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new Shard(2, 2));
  }

  @Test
  void blocksCoverEveryItemOnceInOrderAndDifferByAtMostOne() {
    for (int count = 1; count <= 9; count++) {
      for (long n = 0; n <= 30; n++) {
        long next = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < count; i++) {
          Shard s = new Shard(i, count);
          assertEquals(next, s.first(n), s + " of " + n);
          next = s.end(n);
          min = Math.min(min, s.end(n) - s.first(n));
          max = Math.max(max, s.end(n) - s.first(n));
          for (long k = s.first(n); k < s.end(n); k++) {
            assertTrue(s.holds(k, n));
          }
        }
        assertEquals(n, next);
        assertTrue(max - min <= 1, count + " shards of " + n);
      }
    }
    // no overflow with huge item counts
    Shard last = new Shard(999, 1000);
    assertEquals(Long.MAX_VALUE, last.end(Long.MAX_VALUE));
    assertEquals(Long.MAX_VALUE - Long.MAX_VALUE / 1000 - 1, last.first(Long.MAX_VALUE));
  }

  @Test
  void partNamesRoundTripAndSortInShardOrder() {
    Path out = Path.of("runs", "features.parquet");
    Path part = new Shard(3, 8).partOf(out);
    assertEquals(Path.of("runs", "features.part-0003-of-0008.parquet"), part);
    assertEquals(Optional.of(new Shard.Part(part, out, new Shard(3, 8))), Shard.ofPart(part));
    assertEquals(Path.of("maps.part-00011-of-12000"), new Shard(11, 12000).partOf(Path.of("maps")));
    assertEquals(
        new Shard(11, 12000), Shard.ofPart(Path.of("maps.part-00011-of-12000")).get().shard());
    assertEquals(Optional.empty(), Shard.ofPart(Path.of("features.parquet")));
    assertEquals(Optional.empty(), Shard.ofPart(Path.of("f.part-0003-of-0003.csv")));
    assertEquals(out, Shard.target(out, null));
  }
}
