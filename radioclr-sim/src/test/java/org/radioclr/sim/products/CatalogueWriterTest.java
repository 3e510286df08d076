package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.catalog.Catalog;
import org.radioclr.core.catalog.CatalogFormat;
import org.radioclr.core.catalog.CatalogReader;
import org.radioclr.core.catalog.CatalogSource;
import org.radioclr.core.catalog.SourcePosition;
import org.radioclr.core.catalog.SourceSize;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.formats.mask.SourceMask;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;

class CatalogueWriterTest {
  private static final int W = 200;
  private static final int H = 160;

  @TempDir Path dir;

  private List<SourceTruth> truths() {
    List<SourceTruth> t = new ArrayList<>();
    t.add(
        TestFields.truth(
            TestFields.point(7, Morphology.POINT, 40.3, 50.7, 40, -1),
            DetectionClass.COMPACT,
            W,
            H,
            TestFields.RMS));
    t.add(
        TestFields.truth(
            new SimSource(
                3,
                Morphology.FR2,
                List.of(
                    new Gaussian(100, 80, 2, 1, 0.3, 30 * TestFields.RMS),
                    new Gaussian(130, 90, 2, 1, 0.3, 25 * TestFields.RMS)),
                -1),
            DetectionClass.EXTENDED_MULTISLAND,
            W,
            H,
            1.1 * TestFields.RMS));
    // a faint source whose mask is empty
    t.add(
        new SourceTruth(
            new SimSource(
                12, Morphology.DIFFUSE_BLOB, List.of(Gaussian.point(150.4, 20.6, 1e-6)), -1),
            150.4,
            20.6,
            1e-6,
            10,
            10,
            0,
            TestFields.RMS,
            0,
            0,
            0,
            DetectionClass.COMPACT,
            new SourceMask(148, 18, 5, 5, new boolean[25])));
    return t;
  }

  @Test
  void csvAndVotableReadBackThroughCatalogReader() {
    Path map = TestFields.writeMap(dir.resolve("map.fits"), W, H, truths(), 1);
    Path csv = dir.resolve("cat.csv");
    Path vot = dir.resolve("cat.vot");
    List<CatalogueRow> rows = CatalogueWriter.write(map, truths(), "4", csv, vot);
    assertEquals(List.of(3, 7, 12), rows.stream().map(CatalogueRow::id).toList(), "ordered by id");
    Wcs wcs = MapHeader.read(map).wcs();
    for (Path file : List.of(csv, vot)) {
      Catalog cat = CatalogReader.read(file, CatalogueWriter.readerColumns("rgz_class"));
      assertEquals(file == csv ? CatalogFormat.CSV : CatalogFormat.VOTABLE, cat.format());
      assertEquals(3, cat.size());
      for (int i = 0; i < 3; i++) {
        CatalogueRow r = rows.get(i);
        CatalogSource s = cat.sources().get(i);
        assertEquals("sim4_" + r.id(), s.name());
        assertEquals(r.rgzClass(), s.label().orElseThrow());
        SourcePosition.Sky sky = (SourcePosition.Sky) s.position();
        SkyCoord c = wcs.pixelToSky(r.x(), r.y());
        assertEquals(c.lon(), sky.lonDeg(), 1e-9, file + " ra");
        assertEquals(c.lat(), sky.latDeg(), 1e-9, file + " dec");
        // the position goes back to the centroid pixel
        double[] xy = wcs.skyToPixel(sky.lonDeg(), sky.latDeg());
        assertEquals(r.x(), xy[0], 1e-6);
        assertEquals(r.y(), xy[1], 1e-6);
        SourceSize.PixelBox box = (SourceSize.PixelBox) s.size();
        assertEquals(r.box().x1() - r.box().x0(), box.width(), 1e-12);
        assertEquals(r.box().y1() - r.box().y0(), box.height(), 1e-12);
      }
    }
    Catalog byMorph = CatalogReader.read(vot, CatalogueWriter.readerColumns("morphology"));
    assertEquals("fr2", byMorph.sources().get(0).label().orElseThrow());
  }

  @Test
  void csvHasTheDocumentedColumnsAndExactValues() throws Exception {
    Path map = TestFields.writeMap(dir.resolve("map.fits"), W, H, truths(), 1);
    Path csv = dir.resolve("cat.csv");
    List<CatalogueRow> rows = CatalogueWriter.write(map, truths(), "0", csv, null);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        "id,name,ra,dec,x,y,flux_jy,peak_jy,maj_arcsec,min_arcsec,pa_deg,x_min,x_max,y_min,y_max,"
            + "mask_pixels,snr,local_rms_jy,n_islands,n_components,n_peaks,rgz_class,morphology,"
            + "family,detection_class,host",
        lines.get(0));
    assertEquals(4, lines.size());
    String[] fr2 = lines.get(1).split(",", -1);
    assertEquals(26, fr2.length);
    CatalogueRow r = rows.get(0);
    assertEquals(r.fluxJy(), Double.parseDouble(fr2[6]), 0.0, "exact round trip");
    assertEquals(55 * TestFields.RMS, r.fluxJy(), 1e-15);
    assertEquals(r.snr(), Double.parseDouble(fr2[16]), 0.0);
    assertEquals("2", fr2[18], "two lobes, two islands");
    assertEquals("2C-2P", fr2[21]);
    assertEquals("fr2", fr2[22]);
    assertEquals("radio-galaxy", fr2[23]);
    assertEquals("EXTENDED-MULTISLAND", fr2[24]);
    assertEquals("-1", fr2[25]);
    // the box holds exactly the mask
    SourceTruth t = truths().get(1);
    PixelBox b = Masks.bounds(t.mask()).orElseThrow();
    assertEquals(b, r.box());
    assertEquals(t.mask().area(), Integer.parseInt(fr2[15]));
    // empty mask: one-pixel box at the rounded centroid, 0 mask pixels
    String[] empty = lines.get(3).split(",", -1);
    assertEquals("12", empty[0]);
    assertEquals(List.of("150", "150", "21", "21", "0"), List.of(empty).subList(11, 16));
  }

  @Test
  void sameSourcesGiveSameBytes() throws Exception {
    Path map = TestFields.writeMap(dir.resolve("map.fits"), W, H, truths(), 1);
    CatalogueWriter.write(map, truths(), "0", dir.resolve("a.csv"), dir.resolve("a.vot"));
    CatalogueWriter.write(map, truths(), "0", dir.resolve("b.csv"), dir.resolve("b.vot"));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a.vot")), Files.readAllBytes(dir.resolve("b.vot")));
    String vot = Files.readString(dir.resolve("a.vot"));
    assertTrue(vot.contains("name=\"flux_jy\"") && vot.contains("unit=\"Jy\""), vot);
  }

  @Test
  void aMissingMapIsOneClearError() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                CatalogueWriter.write(
                    dir.resolve("nope.fits"), truths(), "0", dir.resolve("c.csv"), null));
    assertTrue(e.getMessage().contains("nope.fits"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("c.csv")));
  }
}
