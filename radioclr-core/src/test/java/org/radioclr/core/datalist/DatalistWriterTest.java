package org.radioclr.core.datalist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class DatalistWriterTest {
  @TempDir Path dir;

  private List<DatalistEntry> sample() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("map", "field1");
    extras.put("x0", 12);
    extras.put("ra", 212.13500);
    extras.put("rms", Double.NaN);
    extras.put("flag", false);
    extras.put("big", 1L << 40);
    extras.put("dec", new BigDecimal("0.52609000000000000001")); // held as 0.52609
    extras.put("none", null);
    extras.put("bbox", List.of(1, 2.5, "x"));
    extras.put("meta", Map.of("k", "v"));
    return List.of(
        new DatalistEntry(
            List.of(dir.resolve("img/a b.fits")), "src 1", List.of(1), List.of("FRII"), extras),
        new DatalistEntry(
            List.of(dir.resolve("img/c_r.fits"), dir.resolve("img/c_g.fits")),
            "src2",
            List.of(3, 4),
            List.of("COMPACT", "EXTENDED"),
            Map.of()),
        DatalistEntry.unlabelled(Path.of("/elsewhere/d.fits"), "src3"),
        new DatalistEntry(
            List.of(dir.resolve("e.fits")), "src4", List.of(), List.of("X"), Map.of()));
  }

  @Test
  void roundTripsEveryField() {
    Path f = dir.resolve("list.json");
    List<DatalistEntry> entries = sample();
    assertEquals(4, DatalistWriter.writeAll(f, entries, LabelForm.SCALAR_WHEN_SINGLE));
    List<DatalistEntry> back = DatalistReader.readAll(f);
    assertEquals(entries.size(), back.size());
    for (int i = 0; i < entries.size(); i++) {
      assertEquals(entries.get(i), back.get(i), "entry " + i);
      assertEquals(
          List.copyOf(entries.get(i).extras().keySet()),
          List.copyOf(back.get(i).extras().keySet()),
          "extras keep their order");
    }
  }

  @Test
  void writesRelativePathsScalarLabelsAndOneEntryPerLine() throws IOException {
    Path f = dir.resolve("list.json");
    DatalistWriter.writeAll(f, sample(), LabelForm.SCALAR_WHEN_SINGLE);
    String text = Files.readString(f);
    List<String> lines = text.lines().toList();
    assertEquals(6, lines.size(), text);
    assertEquals("{\"data\": [", lines.get(0));
    assertTrue(
        lines
            .get(1)
            .startsWith(
                "  {\"filepaths\":[\"img/a b.fits\"],\"sname\":\"src 1\",\"id\":1,\"label\":\"FRII\",\"map\""),
        lines.get(1));
    assertTrue(lines.get(1).contains("\"rms\":NaN"), "bare NaN as Python writes it");
    assertTrue(lines.get(1).endsWith("},"));
    assertTrue(lines.get(2).contains("\"filepaths\":[\"img/c_r.fits\",\"img/c_g.fits\"]"));
    assertTrue(lines.get(2).contains("\"id\":[3,4],\"label\":[\"COMPACT\",\"EXTENDED\"]"));
    assertTrue(lines.get(3).contains("\"filepaths\":[\"/elsewhere/d.fits\"]"));
    assertFalse(lines.get(3).contains("label"), "unlabelled entries have no label field");
    assertTrue(lines.get(4).contains("\"label\":\"X\"") && !lines.get(4).contains("\"id\""));
    assertEquals("]}", lines.get(5));
  }

  @Test
  void alwaysListFormWritesListsEvenForOneLabel() throws IOException {
    Path f = dir.resolve("list.json");
    DatalistWriter.writeAll(
        f,
        List.of(DatalistEntry.labelled(dir.resolve("a.fits"), "a", 2, "FRI")),
        LabelForm.ALWAYS_LIST);
    assertTrue(Files.readString(f).contains("\"id\":[2],\"label\":[\"FRI\"]"));
    assertEquals(List.of("FRI"), DatalistReader.readAll(f).get(0).labels());
  }

  @Test
  void abandonedWriterLeavesTheOldDatalistAndNoTemporary() throws IOException {
    Path f = dir.resolve("list.json");
    DatalistWriter.writeAll(f, sample(), LabelForm.SCALAR_WHEN_SINGLE);
    String before = Files.readString(f);
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (DatalistWriter w = DatalistWriter.open(f)) {
            w.write(DatalistEntry.unlabelled(dir.resolve("z.fits"), "z"));
            throw new IllegalStateException("job failed half way");
          }
        });
    assertEquals(before, Files.readString(f));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(f), s.filter(Files::isRegularFile).toList(), "no .part file left");
    }
  }

  @Test
  void closeWithoutCommitWritesNothing() {
    Path f = dir.resolve("new.json");
    try (DatalistWriter w = DatalistWriter.open(f)) {
      w.write(DatalistEntry.unlabelled(dir.resolve("z.fits"), "z"));
      assertEquals(1, w.written());
    }
    assertFalse(Files.exists(f));
  }

  @Test
  void writerIsSingleUse() {
    Path f = dir.resolve("list.json");
    DatalistWriter w = DatalistWriter.open(f);
    w.commit();
    assertEquals(List.of(), DatalistReader.readAll(f));
    assertThrows(IllegalStateException.class, w::commit);
    assertThrows(
        IllegalStateException.class,
        () -> w.write(DatalistEntry.unlabelled(dir.resolve("z.fits"), "z")));
    w.close();
  }

  @Test
  void unwritableTargetIsBadInput() throws IOException {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file, not a folder");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> DatalistWriter.open(blocker.resolve("list.json")));
    assertTrue(e.getMessage().contains("blocker"), e.getMessage());
  }

  /** A million entries stream through writer and reader; nothing holds them all. */
  @Test
  @Tag("slow")
  void millionEntriesStreamThrough() {
    int n = 1_000_000;
    SplittableRandom random = new SplittableRandom(42);
    Path f = dir.resolve("big.json");
    Iterable<DatalistEntry> generated =
        () ->
            new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return i < n;
              }

              @Override
              public DatalistEntry next() {
                int id = random.nextInt(3);
                DatalistEntry e =
                    DatalistEntry.labelled(
                        dir.resolve("img/s" + i + ".fits"), "s" + i, id, "C" + id);
                i++;
                return e;
              }
            };
    assertEquals(n, DatalistWriter.writeAll(f, generated, LabelForm.SCALAR_WHEN_SINGLE));
    long count = 0;
    long idSum = 0;
    DatalistEntry last = null;
    try (DatalistReader r = DatalistReader.open(f)) {
      while (r.hasNext()) {
        last = r.next();
        count++;
        idSum += last.ids().get(0);
      }
    }
    assertEquals(n, count);
    assertEquals("s" + (n - 1), last.sname());
    assertEquals(dir.resolve("img/s" + (n - 1) + ".fits"), last.files().get(0));
    // ids are uniform on {0,1,2}: mean 1 with standard error ~0.0008
    assertEquals(1.0, idSum / (double) n, 0.005);
  }
}
