package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;

class BenchmarkSetsTest {
  private static final int N = 256;
  private static final double R = TestFields.RMS;

  @TempDir Path dir;

  /** Points (1C-1P), close doubles (1C-2P), wide doubles (2C-2P), a diffuse blob, a ring. */
  static List<SourceTruth> truths() {
    List<SourceTruth> t = new ArrayList<>();
    int id = 0;
    double[][] points = {{30, 30}, {90, 40}, {160, 30}, {220, 50}, {40, 200}, {120, 220}};
    for (double[] p : points) {
      t.add(
          TestFields.truth(
              TestFields.point(id++, Morphology.POINT, p[0], p[1], 25, -1),
              DetectionClass.COMPACT,
              N,
              N,
              R));
    }
    double[][] close = {{60, 110}, {180, 100}, {100, 170}, {205, 190}};
    for (double[] p : close) {
      SimSource s =
          new SimSource(
              id++,
              Morphology.CLOSE_DOUBLE,
              List.of(Gaussian.point(p[0], p[1], 20 * R), Gaussian.point(p[0] + 5, p[1], 20 * R)),
              -1);
      t.add(TestFields.truth(s, DetectionClass.COMPACT, N, N, R));
    }
    double[][] wide = {{25, 140}, {140, 120}, {195, 232}};
    for (double[] p : wide) {
      SimSource s =
          new SimSource(
              id++,
              Morphology.FR2,
              List.of(Gaussian.point(p[0], p[1], 30 * R), Gaussian.point(p[0] + 30, p[1], 30 * R)),
              -1);
      t.add(TestFields.truth(s, DetectionClass.EXTENDED_MULTISLAND, N, N, R));
    }
    t.add(
        TestFields.truth(
            new SimSource(
                id++,
                Morphology.DIFFUSE_BLOB,
                List.of(new Gaussian(100, 80, 8, 8, 0, 228 * R)),
                -1),
            DetectionClass.EXTENDED,
            N,
            N,
            R));
    t.add(
        TestFields.truth(
            TestFields.point(id, Morphology.ARTEFACT_RING, 97, 47, 8, 1),
            DetectionClass.SPURIOUS,
            N,
            N,
            R));
    return t;
  }

  private static final MosaickingRegions SEAM =
      MosaickingRegions.of(List.of(new PixelBox(200, 0, 203, N - 1)));

  private BenchmarkSets.Summary run(Path out) {
    Path map = TestFields.writeMap(out.resolve("field.fits"), N, N, truths(), 11);
    BenchmarkConfig config = BenchmarkConfig.DEFAULT.withHulk(new HulkConfig(128, 64, 0.3));
    return BenchmarkSets.write(
        List.of(new BenchmarkField("0", map, truths(), SEAM)),
        config,
        out.resolve("bench"),
        42,
        ProgressListener.NONE);
  }

  @Test
  void writesTheThreeSets() throws Exception {
    BenchmarkSets.Summary s = run(dir);
    Path bench = dir.resolve("bench");
    assertEquals(9, s.hulkFrames(), "3 x 3 frames of 128 with step 64");

    // anomaly: every frame labelled, MOSAICKING exactly where the seam is
    List<DatalistEntry> anomaly = DatalistReader.readAll(bench.resolve("anomaly/datalist.json"));
    assertEquals(9, anomaly.size());
    for (DatalistEntry e : anomaly) {
      assertFalse(e.labels().isEmpty());
      assertEquals(e.labels().size(), e.ids().size());
      for (int i = 0; i < e.ids().size(); i++) {
        assertEquals(FrameLabel.values()[e.ids().get(i)].label(), e.labels().get(i));
      }
      int x0 = ((Number) e.extras().get("x0")).intValue();
      assertEquals(x0 == 128, e.labels().contains("MOSAICKING"), e.sname() + " " + e.labels());
      assertTrue(Files.isRegularFile(e.files().get(0)));
    }
    DatalistEntry first = anomaly.get(0); // x0 = 0, y0 = 0: points and the blob at (100, 80)
    assertEquals(List.of("COMPACT", "DIFFUSE", "ARTEFACT"), first.labels());
    assertEquals(s.frameLabels().get(FrameLabel.MOSAICKING), 3);
    String raw = Files.readString(bench.resolve("anomaly/datalist.json"));
    assertTrue(raw.contains("\"label\": [") || raw.contains("\"label\":["), "labels as lists");

    // detection: objects are the bright sources whose masks reach into each frame
    List<DatalistEntry> detection =
        DatalistReader.readAll(bench.resolve("detection/datalist.json"));
    List<String> filelist = Files.readAllLines(bench.resolve("detection/filelist.txt"));
    assertEquals(detection.size(), filelist.size());
    int expectedObjects = 0;
    Set<String> tiles = new HashSet<>();
    for (DatalistEntry e : anomaly) {
      int x0 = ((Number) e.extras().get("x0")).intValue();
      int y0 = ((Number) e.extras().get("y0")).intValue();
      if (x0 % 128 != 0 || y0 % 128 != 0) {
        continue; // the detection set uses the non-overlapping frames only
      }
      tiles.add(e.sname());
      for (SourceTruth t : truths()) {
        if (t.snr() >= 5 && Masks.countInside(t.mask(), PixelBox.ofSize(x0, y0, 128, 128)) > 0) {
          expectedObjects++;
        }
      }
    }
    assertEquals(Set.of("field_x0_y0", "field_x128_y0", "field_x0_y128", "field_x128_y128"), tiles);
    assertEquals(4, detection.size(), "every tile holds sources");
    assertEquals(expectedObjects, s.detection().objects());
    int listed = 0;
    for (DatalistEntry e : detection) {
      listed += ((Number) e.extras().get("nobjs")).intValue();
      Path json = bench.resolve("detection").resolve((String) e.extras().get("annotation"));
      assertTrue(filelist.contains(json.toAbsolutePath().normalize().toString()));
      assertTrue(Files.readString(json).contains("\"objs\""));
    }
    assertEquals(expectedObjects, listed);
    assertEquals(
        s.detection().objectsPerClass().values().stream().mapToInt(Integer::intValue).sum(),
        expectedObjects);

    // classification: 6 / 4 / 3 sources of 1C-1P / 1C-2P / 2C-2P -> 3 per class, 2 train + 1 test
    List<DatalistEntry> all = DatalistReader.readAll(bench.resolve("classification/datalist.json"));
    List<DatalistEntry> train = DatalistReader.readAll(bench.resolve("classification/train.json"));
    List<DatalistEntry> test = DatalistReader.readAll(bench.resolve("classification/test.json"));
    assertEquals(13, all.size());
    assertEquals(Map.of("1C-1P", 2L, "1C-2P", 2L, "2C-2P", 2L), countLabels(train));
    assertEquals(Map.of("1C-1P", 1L, "1C-2P", 1L, "2C-2P", 1L), countLabels(test));
    Set<String> trainNames = train.stream().map(DatalistEntry::sname).collect(Collectors.toSet());
    assertTrue(test.stream().noneMatch(e -> trainNames.contains(e.sname())));
    for (DatalistEntry e : all) {
      assertEquals(ClassificationConfig.RGZ_CLASSES.indexOf(e.labels().get(0)), e.ids().get(0));
      assertTrue(Files.isRegularFile(e.files().get(0)));
      assertTrue(e.sname().startsWith("sim0_"));
    }
    assertEquals(Map.of("1C-3P", 0, "2C-3P", 0, "3C-3P", 0), s.classification().dropped());
    assertTrue(s.format().contains("balanced 3 per class"), s.format());
  }

  @Test
  void sameInputsGiveSameFiles() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    run(a);
    run(b);
    for (String rel :
        List.of(
            "detection/annotations/field_x0_y0.json",
            "detection/annotations/field_x0_y0_obj1.fits",
            "classification/train.json")) {
      if (rel.endsWith("train.json")) {
        List<String> ta =
            DatalistReader.readAll(a.resolve("bench").resolve(rel)).stream()
                .map(DatalistEntry::sname)
                .toList();
        List<String> tb =
            DatalistReader.readAll(b.resolve("bench").resolve(rel)).stream()
                .map(DatalistEntry::sname)
                .toList();
        assertEquals(ta, tb);
      } else {
        assertArrayEquals(
            Files.readAllBytes(a.resolve("bench").resolve(rel)),
            Files.readAllBytes(b.resolve("bench").resolve(rel)),
            rel);
      }
    }
    List<List<String>> la = new ArrayList<>();
    DatalistReader.readAll(a.resolve("bench/anomaly/datalist.json"))
        .forEach(e -> la.add(e.labels()));
    List<List<String>> lb = new ArrayList<>();
    DatalistReader.readAll(b.resolve("bench/anomaly/datalist.json"))
        .forEach(e -> lb.add(e.labels()));
    assertEquals(la, lb);
  }

  @Test
  void aMissingMapIsOneClearError() {
    Path missing = dir.resolve("missing.fits");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                BenchmarkSets.write(
                    missing,
                    truths(),
                    MosaickingRegions.NONE,
                    dir.resolve("out"),
                    1,
                    ProgressListener.NONE));
    assertTrue(e.getMessage().contains("missing.fits"), e.getMessage());
  }

  private static Map<String, Long> countLabels(List<DatalistEntry> entries) {
    Set<String> seen = new HashSet<>();
    for (DatalistEntry e : entries) {
      assertTrue(seen.add(e.sname()), "duplicate " + e.sname());
    }
    return entries.stream()
        .collect(Collectors.groupingBy(e -> e.labels().get(0), Collectors.counting()));
  }
}
