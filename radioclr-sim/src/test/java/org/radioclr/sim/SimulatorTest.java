package org.radioclr.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.catalog.Catalog;
import org.radioclr.core.catalog.CatalogReader;
import org.radioclr.core.catalog.CatalogSource;
import org.radioclr.core.catalog.SourcePosition;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Sha256;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.preprocess.TooManyInvalidPixelsException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.sim.model.SourceTruth;
import org.radioclr.sim.products.CatalogueWriter;

/** The whole simulation, end to end, on small maps. */
class SimulatorTest {
  @TempDir Path dir;

  private static Simulator.Result simulate(
      SimPreset preset, long seed, int threads, boolean sets, Path out) {
    return new Simulator(
            new SimulationConfig(preset, seed, sets, sets, threads), ProgressListener.NONE)
        .run(out);
  }

  private static Map<String, String> digests(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Sha256.hex(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @Test
  void sameSeedGivesByteIdenticalOutputWhateverTheThreadCount() throws IOException {
    Path out = dir.resolve("run");
    simulate(SimPreset.TINY, 11, 1, true, out);
    Map<String, String> first = digests(out);
    deleteTree(out);
    simulate(SimPreset.TINY, 11, 2, true, out);
    assertEquals(first, digests(out));
    assertTrue(first.size() > 20, "maps, catalogues, sets and previews: " + first.keySet());

    Path other = dir.resolve("other");
    simulate(SimPreset.TINY, 12, 1, false, other);
    assertNotEquals(
        first.get("field-000/map.fits"), digests(other).get("field-000/map.fits"), "another seed");
  }

  @Test
  void everyWrittenFramePassesThePreprocessingBlankCheck() throws IOException {
    // A map with a blank border, so that sources near it would get mostly blank cutouts.
    Path out = dir.resolve("edges");
    Simulator.Result r = simulate(SimPreset.EMU_PILOT.withSize(768), 4, 2, true, out);
    Map<String, Long> left = r.sets().classification().skipped();
    assertTrue(
        left.getOrDefault("more than 30% blank", 0L) > 0,
        "the field should have sources whose cutouts are mostly blank: " + left);
    Preprocessor pre = new Preprocessor(PreprocessConfig.paper().withOutputSize(16, 16));
    Set<Path> files = new TreeSet<>();
    try (Stream<Path> all = Files.walk(out.resolve("sets"))) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.equals("datalist.json") || name.equals("train.json") || name.equals("test.json")) {
          for (DatalistEntry e : DatalistReader.readAll(p)) {
            files.addAll(e.files());
          }
        } else if (name.endsWith(".fits")
            && p.getParent().getFileName().toString().equals("frames")) {
          files.add(p); // hulk frames and classification cutouts, listed or not
        }
      }
    }
    assertTrue(files.size() > 50, "frames checked: " + files.size());
    for (Path f : files) {
      try {
        pre.process(FitsReader.read(f).plane());
      } catch (TooManyInvalidPixelsException e) {
        fail(f + ": " + e.getMessage());
      }
    }
  }

  @Test
  void catalogueAgreesWithTheMapPixelsAndItsWcs() {
    Simulator.Result r =
        simulate(SimPreset.EMU_PILOT.withSize(1024), 3, 2, false, dir.resolve("emu"));
    Simulator.Field field = r.fields().get(0);
    FitsImage map = FitsReader.read(field.map());
    Wcs wcs = Wcs.fromHeader(map.header());
    Catalog cat = CatalogReader.read(field.catalogue(), CatalogueWriter.readerColumns(null));
    assertEquals(field.truths().size(), cat.size());
    int bright = 0;
    for (int i = 0; i < cat.size(); i++) {
      CatalogSource s = cat.sources().get(i);
      SourceTruth t = field.truths().get(i);
      SourcePosition.Sky sky = (SourcePosition.Sky) s.position();
      double[] p = wcs.skyToPixel(sky.lonDeg(), sky.latDeg());
      assertEquals(t.x(), p[0], 1e-6, "x of " + s.name());
      assertEquals(t.y(), p[1], 1e-6, "y of " + s.name());
      if (t.snr() > 20 && t.source().morphology().family() != Morphology.Family.ARTEFACT) {
        // The brightest pixel of the mask on the map stands well above the noise.
        float best = Float.NEGATIVE_INFINITY;
        var m = t.mask();
        for (int y = m.y0(); y < m.y0() + m.height(); y++) {
          for (int x = m.x0(); x < m.x0() + m.width(); x++) {
            if (m.contains(x, y)) {
              best = Math.max(best, map.plane().get(x, y));
            }
          }
        }
        assertTrue(
            best > 10 * t.localRmsJy(), s.name() + " peak " + best + " rms " + t.localRmsJy());
        bright++;
      }
    }
    assertTrue(bright > 20, "bright sources checked: " + bright);
  }

  @Test
  void anIsolatedPointSourceOnTheMapHasItsFluxAndTheBeam() {
    SimPreset preset = SimPreset.EMU_PILOT.withSize(3072);
    Simulator.Field field = simulate(preset, 5, 2, false, dir.resolve("emu")).fields().get(0);
    Plane map = FitsReader.read(field.map()).plane();
    double beamArea = preset.pixelBeam().areaPixels();
    double sigma = preset.pixelBeam().sigmaMajor();
    int r = (int) Math.ceil(3 * sigma);
    int checked = 0;
    for (SourceTruth t : field.truths()) {
      if (t.source().morphology() != Morphology.POINT
          || t.snr() < 150
          || !isolated(t, field.truths(), 30)) {
        continue;
      }
      int cx = (int) Math.round(t.x());
      int cy = (int) Math.round(t.y());
      if (cx < r || cy < r || cx >= map.width() - r || cy >= map.height() - r) {
        continue;
      }
      double sum = 0;
      double sxx = 0;
      double syy = 0;
      for (int y = cy - r; y <= cy + r; y++) {
        for (int x = cx - r; x <= cx + r; x++) {
          double v = map.get(x, y);
          sum += v;
          sxx += v * (x - t.x()) * (x - t.x());
          syy += v * (y - t.y()) * (y - t.y());
        }
      }
      double flux = sum / beamArea;
      assertEquals(
          t.source().flux(), flux, 0.05 * t.source().flux(), "flux of point " + t.source().id());
      // Second moments of the beam: sigma_x^2 + sigma_y^2 = sigmaMajor^2 + sigmaMinor^2 (noise
      // limited at SNR 150: 15%).
      double expected = sigma * sigma + Math.pow(preset.pixelBeam().sigmaMinor(), 2);
      assertEquals(expected, (sxx + syy) / sum, 0.15 * expected, "beam size of " + t.source().id());
      checked++;
    }
    assertTrue(checked >= 1, "no bright isolated point source on the map");
  }

  private static boolean isolated(SourceTruth t, List<SourceTruth> all, double distance) {
    for (SourceTruth o : all) {
      if (o != t
          && o.peakJy() > 3 * o.localRmsJy()
          && Math.hypot(o.x() - t.x(), o.y() - t.y()) < distance) {
        return false;
      }
    }
    return true;
  }

  @Test
  void masksCoverTheirSourcesAndOverlapOnlyWhereSourcesTouch() {
    Simulator.Field field =
        simulate(SimPreset.EMU_PILOT.withSize(1024), 8, 2, false, dir.resolve("emu"))
            .fields()
            .get(0);
    List<SourceTruth> detected = field.truths().stream().filter(SourceTruth::detected).toList();
    assertFalse(detected.isEmpty());
    int touching = 0;
    for (int i = 0; i < detected.size(); i++) {
      SourceTruth a = detected.get(i);
      assertTrue(a.mask().area() > 0, "detected source has mask pixels");
      for (int j = i + 1; j < detected.size(); j++) {
        SourceTruth b = detected.get(j);
        if (a.source().host() == b.source().id() || b.source().host() == a.source().id()) {
          continue; // an artefact around its host
        }
        if (sharePixel(a, b)) {
          // Blended: the two sources lie within their combined extents of each other.
          double reach = (a.majorArcsec() + b.majorArcsec()) / SimPreset.EMU_PILOT.pixelArcsec();
          assertTrue(
              Math.hypot(a.x() - b.x(), a.y() - b.y()) < 1.5 * reach,
              "masks of " + a.source().id() + " and " + b.source().id() + " overlap far apart");
          touching++;
        }
      }
    }
    assertTrue(
        touching < 0.1 * detected.size(),
        touching + " blended pairs among " + detected.size() + " detected sources");
  }

  private static boolean sharePixel(SourceTruth a, SourceTruth b) {
    var ma = a.mask();
    var mb = b.mask();
    int x0 = Math.max(ma.x0(), mb.x0());
    int x1 = Math.min(ma.x0() + ma.width(), mb.x0() + mb.width());
    int y0 = Math.max(ma.y0(), mb.y0());
    int y1 = Math.min(ma.y0() + ma.height(), mb.y0() + mb.height());
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (ma.contains(x, y) && mb.contains(x, y)) {
          return true;
        }
      }
    }
    return false;
  }
}
