package org.radioclr.core.datalist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.testkit.RealData;

class DatalistSummaryTest {
  @TempDir Path dir;

  private Path touch(String name) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "x");
    return f;
  }

  @Test
  void countsLabelsMissingFilesAndDuplicates() throws IOException {
    Path a = touch("a.fits");
    Path b = touch("b.fits");
    Path c = touch("c.fits");
    List<DatalistEntry> entries =
        List.of(
            DatalistEntry.labelled(a, "a", 0, "FRI"),
            DatalistEntry.labelled(b, "b", 1, "FRII"),
            new DatalistEntry(List.of(c), "c", List.of(1, 2), List.of("FRII", "BENT"), Map.of()),
            DatalistEntry.unlabelled(dir.resolve("gone.fits"), "d"),
            DatalistEntry.labelled(a, "a", 5, "FRI"));
    Path list = dir.resolve("list.json");
    DatalistWriter.writeAll(list, entries, LabelForm.SCALAR_WHEN_SINGLE);
    DatalistSummary s = DatalistSummary.check(list);
    assertEquals(5, s.entries());
    assertEquals(1, s.unlabelled());
    assertEquals(4, s.labelled());
    assertEquals(Map.of("BENT", 1L, "FRI", 2L, "FRII", 2L), s.labelCounts());
    assertEquals(Map.of(1, 5L), s.channelCounts());
    assertEquals(1, s.missingFileCount());
    assertEquals(3, s.missingFiles().get(0).index());
    assertEquals("d", s.missingFiles().get(0).sname());
    assertTrue(s.missingFiles().get(0).problem().contains("gone.fits"));
    assertEquals(List.of("a"), s.duplicateSnames());
    assertEquals(1, s.duplicateSnameCount());
    assertEquals(Map.of("FRI", new TreeSet<>(Set.of(0, 5))), s.labelIdConflicts());
    assertFalse(s.isClean());
    String text = s.toString();
    assertTrue(text.contains("entries 5 (labelled 4, unlabelled 1)"), text);
    assertTrue(text.contains("FRII"), text);
    assertTrue(text.contains("  FRII           2    50.0%\n"), text);
    assertTrue(text.contains("  BENT           1    25.0%\n"), text);
    assertTrue(text.contains("missing files 1"), text);
    assertTrue(text.contains("duplicate snames 1"), text);
    assertTrue(text.contains("FRI: [0, 5]"), text);
    assertTrue(text.endsWith("NOT OK\n"), text);
  }

  @Test
  void aFolderInTheDatalistIsCalledAFolder() throws IOException {
    Path a = touch("a.fits");
    Path folder = Files.createDirectories(dir.resolve("b.fits"));
    Path list = dir.resolve("list.json");
    DatalistWriter.writeAll(
        list,
        List.of(DatalistEntry.unlabelled(a, "a"), DatalistEntry.unlabelled(folder, "b")),
        LabelForm.SCALAR_WHEN_SINGLE);
    DatalistSummary s = DatalistSummary.check(list);
    assertEquals(1, s.missingFileCount());
    assertEquals(
        "is a folder, not a FITS file: " + folder.toAbsolutePath(),
        s.missingFiles().get(0).problem());
    assertFalse(s.isClean());
  }

  @Test
  void cleanListAndEntryCheckHook() throws IOException {
    Path a = touch("img/a.fits");
    Path b = touch("img/b.fits");
    Path list = dir.resolve("list.json");
    DatalistWriter.writeAll(
        list,
        List.of(DatalistEntry.labelled(a, "a", 0, "X"), DatalistEntry.labelled(b, "b", 0, "X")),
        LabelForm.SCALAR_WHEN_SINGLE);
    DatalistSummary clean = DatalistSummary.check(list);
    assertTrue(clean.isClean(), clean.toString());
    assertTrue(clean.toString().endsWith("OK\n"));
    List<String> checked = new ArrayList<>();
    DatalistSummary hooked =
        DatalistSummary.check(
            list,
            e -> {
              checked.add(e.sname());
              return e.sname().equals("b") ? List.of("not a FITS file") : List.of();
            });
    assertEquals(List.of("a", "b"), checked);
    assertEquals(1, hooked.problemCount());
    assertEquals("data[1] (b): not a FITS file", hooked.problems().get(0).toString());
    assertFalse(hooked.isClean());
  }

  @Test
  void mixedChannelCountsAreNotClean() throws IOException {
    Path a = touch("a.fits");
    Path b = touch("b.fits");
    Path list = dir.resolve("list.json");
    DatalistWriter.writeAll(
        list,
        List.of(
            DatalistEntry.unlabelled(a, "a"),
            new DatalistEntry(List.of(a, b), "ab", List.of(), List.of(), Map.of())),
        LabelForm.SCALAR_WHEN_SINGLE);
    DatalistSummary s = DatalistSummary.check(list);
    assertEquals(Map.of(1, 1L, 2, 1L), s.channelCounts());
    assertFalse(s.isClean());
    assertTrue(s.toString().contains("files per entry 1: 1, 2: 1"), s.toString());
  }

  @Test
  void listsAreCappedButCountsExact() throws IOException {
    Path list = dir.resolve("list.json");
    List<DatalistEntry> entries = new ArrayList<>();
    for (int i = 0; i < DatalistSummary.MAX_LISTED + 5; i++) {
      entries.add(DatalistEntry.unlabelled(dir.resolve("m" + i + ".fits"), "m" + i));
    }
    DatalistWriter.writeAll(list, entries, LabelForm.SCALAR_WHEN_SINGLE);
    DatalistSummary s = DatalistSummary.check(list);
    assertEquals(DatalistSummary.MAX_LISTED + 5, s.missingFileCount());
    assertEquals(DatalistSummary.MAX_LISTED, s.missingFiles().size());
    assertTrue(s.format(3).contains("... and " + (DatalistSummary.MAX_LISTED + 2) + " more"));
    assertThrows(IllegalArgumentException.class, () -> s.format(-1));
  }

  @Test
  void unreadableDatalistIsBadInput() throws IOException {
    Path list = dir.resolve("list.json");
    Files.writeString(list, "{\"data\": 3}");
    assertThrows(BadInputException.class, () -> DatalistSummary.check(list));
  }

  /** The FR-DEEP FIRST cutouts: 658 files, 269 FRI and 389 FRII, all present. */
  @Test
  void realFrdeepDatalist() throws IOException {
    Path data = RealData.require("frdeep-first");
    List<DatalistEntry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(data.resolve("labels.csv")).subList(1, 659)) {
      String[] f = line.split(",");
      int id = f[1].equals("FRI") ? 0 : 1;
      entries.add(DatalistEntry.labelled(data.resolve(f[0]), f[5], id, f[1]));
    }
    Path list = dir.resolve("frdeep.json");
    DatalistWriter.writeAll(list, entries, LabelForm.SCALAR_WHEN_SINGLE);
    DatalistSummary s = DatalistSummary.check(list);
    assertEquals(658, s.entries());
    assertEquals(Map.of("FRI", 269L, "FRII", 389L), s.labelCounts());
    assertEquals(0, s.missingFileCount(), s.toString());
    assertTrue(s.isClean(), s.toString());
    assertEquals(entries, DatalistReader.readAll(list));
  }
}
