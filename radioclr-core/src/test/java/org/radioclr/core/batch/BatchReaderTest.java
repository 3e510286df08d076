package org.radioclr.core.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.radioclr.core.RadioclrException;

class BatchReaderTest {
  private static final int FLOATS = 3;
  private static final int BATCH = 4;

  /** Item i: three seeded random floats; multiples of 7 rejected. */
  private static final ItemReader<Integer, float[]> SEEDED =
      (item, index, scratch, buffer, row) -> {
        if (item % 7 == 0) {
          throw new RejectedItemException(new IllegalArgumentException("bad image " + item));
        }
        SplittableRandom r = new SplittableRandom(42L * 31 + item);
        for (int k = 0; k < FLOATS; k++) {
          buffer[row * FLOATS + k] = (float) r.nextDouble();
        }
        return true;
      };

  private static BatchReader<Integer, float[]> reader(int workers, ItemReader<Integer, float[]> r) {
    return new BatchReader<>(
        "test-reader",
        workers,
        workers + 1,
        BATCH * FLOATS,
        () -> new float[FLOATS],
        r,
        BatchFinisher.NONE,
        i -> Path.of("img" + i + ".fits").toString());
  }

  private static List<Integer> items(int n) {
    return IntStream.range(1, n + 1).boxed().toList();
  }

  private record Taken(
      List<List<Integer>> items, List<float[]> data, List<Rejected<Integer>> bad) {}

  private static Taken drain(BatchReader<Integer, float[]>.Pass pass) {
    List<List<Integer>> items = new ArrayList<>();
    List<float[]> data = new ArrayList<>();
    List<Rejected<Integer>> bad = new ArrayList<>();
    long expected = 0;
    Batch<Integer> b;
    while ((b = pass.next()) != null) {
      assertEquals(expected++, b.index());
      items.add(b.items());
      data.add(Arrays.copyOf(b.data(), b.size() * FLOATS));
      bad.addAll(b.rejected());
      b.release();
    }
    return new Taken(items, data, bad);
  }

  @Test
  void batchesComeInInputOrderWithTheLastOneSmaller() {
    try (BatchReader<Integer, float[]> r = reader(3, SEEDED);
        BatchReader<Integer, float[]>.Pass pass = r.pass(items(10).iterator(), BATCH)) {
      Taken t = drain(pass);
      assertEquals(List.of(List.of(1, 2, 3, 4), List.of(5, 6, 8), List.of(9, 10)), t.items());
      assertNull(pass.next(), "still null after the end");
    }
  }

  @Test
  void batchesAreTheSameWithOneOrFourWorkers() {
    Taken one;
    Taken four;
    try (BatchReader<Integer, float[]> r = reader(1, SEEDED);
        BatchReader<Integer, float[]>.Pass pass = r.pass(items(103).iterator(), BATCH)) {
      one = drain(pass);
    }
    try (BatchReader<Integer, float[]> r = reader(4, SEEDED);
        BatchReader<Integer, float[]>.Pass pass = r.pass(items(103).iterator(), BATCH)) {
      four = drain(pass);
    }
    assertEquals(one.items(), four.items());
    assertEquals(one.data().size(), four.data().size());
    for (int i = 0; i < one.data().size(); i++) {
      assertArrayEquals(one.data().get(i), four.data().get(i), "batch " + i);
    }
    assertEquals(
        one.bad().stream().map(Rejected::index).toList(),
        four.bad().stream().map(Rejected::index).toList());
  }

  @Test
  void rejectedItemsAreListedInInputOrderWithTheirReason() {
    try (BatchReader<Integer, float[]> r = reader(4, SEEDED);
        BatchReader<Integer, float[]>.Pass pass = r.pass(items(30).iterator(), BATCH)) {
      Taken t = drain(pass);
      assertEquals(List.of(7, 14, 21, 28), t.bad().stream().map(Rejected::item).toList());
      assertEquals(6, t.bad().get(0).index());
      assertEquals("bad image 7", t.bad().get(0).reason().getMessage());
      assertEquals(26, t.items().stream().mapToInt(List::size).sum());
    }
  }

  @Test
  void emptyInputGivesNoBatch() {
    try (BatchReader<Integer, float[]> r = reader(2, SEEDED);
        BatchReader<Integer, float[]>.Pass pass = r.pass(List.<Integer>of().iterator(), BATCH)) {
      assertNull(pass.next());
    }
  }

  @Test
  void anItemReaderFailureStopsThePassNamingTheFile() {
    ItemReader<Integer, float[]> broken =
        (item, index, s, buffer, row) -> {
          if (item == 6) {
            throw new IllegalStateException("decoder bug");
          }
          return SEEDED.read(item, index, s, buffer, row);
        };
    try (BatchReader<Integer, float[]> r = reader(2, broken);
        BatchReader<Integer, float[]>.Pass pass = r.pass(items(40).iterator(), BATCH)) {
      RadioclrException e = assertThrows(RadioclrException.class, () -> drain(pass));
      assertTrue(e.getMessage().contains("img6.fits"), e.getMessage());
      assertTrue(e.getMessage().contains("decoder bug"), e.getMessage());
      assertTrue(e.getCause() instanceof IllegalStateException);
    }
  }

  @Test
  void theFirstFailureIsKeptAndLaterOnesSuppressed() {
    CountDownLatch both = new CountDownLatch(2);
    ItemReader<Integer, float[]> broken =
        (item, index, s, buffer, row) -> {
          both.countDown();
          try {
            both.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("broken " + item);
        };
    try (BatchReader<Integer, float[]> r = reader(2, broken)) {
      RadioclrException e;
      try (BatchReader<Integer, float[]>.Pass pass = r.pass(items(8).iterator(), BATCH)) {
        e = assertThrows(RadioclrException.class, pass::next);
      } // the pass closes only once both workers have stopped
      assertEquals(1, e.getSuppressed().length, Arrays.toString(e.getSuppressed()));
    }
  }

  @Test
  void anInputFailurePropagatesAsItIs() {
    IllegalArgumentException broken = new IllegalArgumentException("entry 3: truncated JSON");
    Iterator<Integer> failing =
        new Iterator<>() {
          int served;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Integer next() {
            if (served++ == 6) {
              throw broken;
            }
            return served;
          }
        };
    try (BatchReader<Integer, float[]> r = reader(3, SEEDED);
        BatchReader<Integer, float[]>.Pass pass = r.pass(failing, BATCH)) {
      Batch<Integer> first = pass.next();
      assertEquals(List.of(1, 2, 3, 4), first.items());
      first.release();
      assertSame(broken, assertThrows(IllegalArgumentException.class, pass::next));
    }
  }

  @Test
  void closingWhileRunningStopsReadingAndReturnsTheBuffers() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    ItemReader<Integer, float[]> slow =
        (item, index, s, buffer, row) -> {
          reads.incrementAndGet();
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return SEEDED.read(item, index, s, buffer, row);
        };
    try (BatchReader<Integer, float[]> r = reader(3, slow)) {
      BatchReader<Integer, float[]>.Pass pass = r.pass(items(100_000).iterator(), BATCH);
      Batch<Integer> b = pass.next();
      b.release();
      pass.close();
      int after = reads.get();
      Thread.sleep(100);
      assertEquals(after, reads.get(), "no item read after close");
      assertThrows(IllegalStateException.class, pass::next);
      // every buffer is back: a new pass on the same reader runs to the end
      try (BatchReader<Integer, float[]>.Pass again = r.pass(items(10).iterator(), BATCH)) {
        assertEquals(3, drain(again).items().size());
      }
    }
  }
}
