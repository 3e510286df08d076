package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.caesar.CaesarAnnotation;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;

class TruthAnnotatorTest {
  private static final int W = 200;
  private static final int H = 160;
  private static final PixelBox FRAME = PixelBox.ofSize(40, 30, 64, 64);

  @TempDir Path dir;
  private final List<SourceTruth> truths = new ArrayList<>();
  private Path map;
  private Path frame;

  private void add(SimSource s, DetectionClass c) {
    truths.add(TestFields.truth(s, c, W, H, TestFields.RMS));
  }

  @BeforeEach
  void field() {
    add(TestFields.point(1, Morphology.POINT, 60, 50, 40, -1), DetectionClass.COMPACT);
    add(TestFields.point(2, Morphology.POINT, 102, 60, 30, -1), DetectionClass.COMPACT);
    add(TestFields.point(3, Morphology.POINT, 170, 140, 30, -1), DetectionClass.COMPACT);
    add(TestFields.point(4, Morphology.POINT, 70, 80, 3.5, -1), DetectionClass.COMPACT);
    add(TestFields.point(5, Morphology.POINT, 50, 85, 20, -1), DetectionClass.FLAGGED);
    add(TestFields.point(6, Morphology.ARTEFACT_RING, 80, 40, 20, 1), DetectionClass.SPURIOUS);
    add(
        new SimSource(
            7,
            Morphology.FR2,
            List.of(
                Gaussian.point(55, 68, 30 * TestFields.RMS),
                Gaussian.point(85, 68, 30 * TestFields.RMS)),
            -1),
        DetectionClass.EXTENDED_MULTISLAND);
    map = TestFields.writeMap(dir.resolve("map.fits"), W, H, truths, 3);
    Plane cut = Pixels.window(FitsReader.read(map).plane(), FRAME.x0(), FRAME.y0(), 64, 64);
    frame = dir.resolve("frames").resolve("map_x40_y30.fits");
    FitsWriter.write(
        frame,
        cut,
        TestFields.cards(W, H).set("CRPIX1", W / 2.0 + 0.5 - 40).set("CRPIX2", H / 2.0 + 0.5 - 30));
  }

  private TruthAnnotator writer() {
    return new TruthAnnotator(MapHeader.read(map), truths, "0", "radioclr-sim tiny", 5);
  }

  @Test
  void jsonHasCaesarFieldsAndMasksEqualTheTruthCroppedToTheFrame() throws Exception {
    Path json = dir.resolve("ann").resolve("map_x40_y30.json");
    CaesarAnnotation a = writer().annotate(frame, FRAME, Double.NaN, json);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(
        List.of(
            "img",
            "nx",
            "ny",
            "dx",
            "dy",
            "bmaj",
            "bmin",
            "bkg",
            "rms",
            "telescope",
            "x0",
            "y0",
            "objs"),
        iteratorToList(root.fieldNames()));
    assertEquals("../frames/map_x40_y30.fits", root.get("img").asText());
    assertEquals(
        frame.toAbsolutePath().normalize(),
        json.getParent().resolve(root.get("img").asText()).normalize());
    assertEquals(64, root.get("nx").asInt());
    assertEquals(64, root.get("ny").asInt());
    assertEquals(-2.0, root.get("dx").asDouble(), 1e-9);
    assertEquals(2.0, root.get("dy").asDouble(), 1e-9);
    assertEquals(10.0, root.get("bmaj").asDouble(), 1e-9);
    assertEquals(10.0, root.get("bmin").asDouble(), 1e-9);
    assertEquals(0.0, root.get("bkg").asDouble());
    assertEquals(
        TestFields.RMS, root.get("rms").asDouble(), 0.15 * TestFields.RMS, "measured frame noise");
    assertEquals("radioclr-sim tiny", root.get("telescope").asText());

    // 3 is outside the frame, 4 is too faint (SNR 3.5)
    JsonNode objs = root.get("objs");
    List<Integer> ids = new ArrayList<>();
    objs.forEach(o -> ids.add(o.get("id").asInt()));
    assertEquals(List.of(1, 2, 5, 6, 7), ids);
    assertEquals(5, a.objects().size());

    Map<Integer, SourceTruth> byId = new HashMap<>();
    truths.forEach(t -> byId.put(t.source().id(), t));
    for (JsonNode o : objs) {
      SourceTruth t = byId.get(o.get("id").asInt());
      Path maskFile = json.getParent().resolve(o.get("mask").asText());
      assertFalse(o.get("mask").asText().contains("/"), "mask named without folder");
      FitsImage m = FitsReader.read(maskFile);
      assertEquals(8, m.bitpix(), "uint8 masks");
      assertEquals(64, m.width());
      assertEquals(64, m.height());
      int npix = 0;
      int xmin = 99;
      int xmax = -1;
      int ymin = 99;
      int ymax = -1;
      for (int v = 0; v < 64; v++) {
        for (int u = 0; u < 64; u++) {
          boolean in = t.mask().contains(u + FRAME.x0(), v + FRAME.y0());
          assertEquals(
              in ? 1f : 0f, m.plane().get(u, v), "pixel " + u + "," + v + " of " + t.source().id());
          if (in) {
            npix++;
            xmin = Math.min(xmin, u);
            xmax = Math.max(xmax, u);
            ymin = Math.min(ymin, v);
            ymax = Math.max(ymax, v);
          }
        }
      }
      assertEquals(npix, o.get("npix").asInt());
      assertEquals(List.of(xmin, ymin, xmax, ymax), intList(o.get("bbox")));
      assertEquals(xmax - xmin + 1, o.get("bbox_w").asDouble());
      assertEquals(xmin + 0.5 * (xmax - xmin + 1), o.get("bbox_x").asDouble());
      assertEquals(t.snr(), o.get("snr").asDouble(), 1e-12);
      assertEquals(t.source().flux(), o.get("Stot").asDouble(), 1e-15);
      assertEquals("sim0_" + t.source().id(), o.get("name").asText());
      assertEquals(
          W / 2.0 + 0.5 - 40, m.header().getDoubleValue("CRPIX1"), 1e-9, "mask WCS shifted");
    }
    JsonNode one = objs.get(0);
    assertEquals("compact", one.get("class").asText());
    assertEquals(1, one.get("sidelobe-near").asInt(), "hosts the ring");
    assertEquals(0, one.get("sidelobe-mixed").asInt());
    assertEquals(0, one.get("border").asInt());
    assertEquals(1, one.get("nislands").asInt());

    JsonNode two = objs.get(1);
    assertEquals(1, two.get("border").asInt(), "cut by the frame's right edge");
    assertEquals(63, intList(two.get("bbox")).get(2));
    assertTrue(two.get("npix").asInt() < byId.get(2).mask().area(), "cropped");
    assertEquals(0, two.get("sidelobe-near").asInt());

    assertEquals("flagged", objs.get(2).get("class").asText());
    assertEquals(1, objs.get(2).get("sidelobe-mixed").asInt());
    assertEquals("spurious", objs.get(3).get("class").asText());
    assertEquals("artefact-ring", objs.get(3).get("morphology").asText());
    assertEquals("extended-multisland", objs.get(4).get("class").asText());
    assertEquals(2, objs.get(4).get("nislands").asInt());
    assertEquals(
        byId.get(7).mask().area() / (Math.PI * 25 / (4 * Math.log(2))),
        objs.get(4).get("nbeams").asDouble(),
        1e-9);
  }

  @Test
  void objectsOutsideTheFrameAreDroppedAndEmptyFramesSkipped() {
    PixelBox empty = PixelBox.ofSize(120, 0, 64, 64); // holds nothing bright enough
    Path json = dir.resolve("ann").resolve("empty.json");
    CaesarAnnotation a = writer().annotate(frame, empty, 5e-5, json, true);
    assertTrue(a.objects().isEmpty());
    assertFalse(Files.exists(json));
    a = writer().annotate(frame, empty, 5e-5, json);
    assertTrue(a.objects().isEmpty());
    assertTrue(Files.exists(json));
  }

  private static List<Integer> intList(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  private static <T> List<T> iteratorToList(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
