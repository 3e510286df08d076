package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.formats.mask.PixelBox;

class HulkFrameTest {
  @TempDir Path dir;

  @Test
  void framesComeFromTheHulkExtrasAndNonOverlappingOnesAreKept() {
    Path list = dir.resolve("datalist.json");
    List<DatalistEntry> entries =
        List.of(
            entry("m_x0_y0", 0, 0),
            entry("m_x64_y0", 64, 0),
            entry("m_x128_y0", 128, 0),
            entry("m_x0_y64", 0, 64),
            entry("m_x0_y128", 0, 128));
    DatalistWriter.writeAll(list, entries, LabelForm.ALWAYS_LIST);
    List<HulkFrame> frames = HulkFrame.read(list, 128);
    assertEquals(5, frames.size());
    assertEquals(new PixelBox(64, 0, 191, 127), frames.get(1).box());
    assertEquals(dir.resolve("map.fits").toAbsolutePath().normalize(), frames.get(1).map());
    assertEquals(5e-5, frames.get(1).rms());
    assertEquals(
        List.of("m_x0_y0", "m_x128_y0", "m_x0_y128"),
        DetectionSet.nonOverlapping(frames).stream().map(f -> f.entry().sname()).toList());
  }

  @Test
  void aDatalistWithoutFrameOriginsIsOneClearError() {
    Path list = dir.resolve("plain.json");
    DatalistWriter.writeAll(
        list, List.of(DatalistEntry.unlabelled(dir.resolve("a.fits"), "a")), LabelForm.ALWAYS_LIST);
    BadInputException e = assertThrows(BadInputException.class, () -> HulkFrame.read(list, 64));
    assertTrue(
        e.getMessage().contains("plain.json") && e.getMessage().contains("x0"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new BenchmarkField("a/b", dir.resolve("m.fits"), List.of(), MosaickingRegions.NONE));
  }

  private DatalistEntry entry(String name, int x0, int y0) {
    return new DatalistEntry(
        List.of(dir.resolve(name + ".fits")),
        name,
        List.of(),
        List.of(),
        Map.of("map", dir.resolve("map.fits").toString(), "x0", x0, "y0", y0, "rms", 5e-5));
  }
}
