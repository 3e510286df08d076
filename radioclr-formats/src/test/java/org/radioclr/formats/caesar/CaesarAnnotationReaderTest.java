package org.radioclr.formats.caesar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.caesar.CaesarAnnotationWriter.MaskObject;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.PixelBox;

class CaesarAnnotationReaderTest {
  private static final int NX = 24;
  private static final int NY = 20;
  private static final CaesarImageInfo INFO =
      new CaesarImageInfo(NX, NY, -2, 2, 10, 8, 0, 3e-5, "test", 5, 7);

  @TempDir Path dir;
  private Path image;

  @BeforeEach
  void image() {
    Plane p = Plane.zeros(NX, NY);
    p.set(3, 4, 1f);
    image = dir.resolve("img").resolve("frame.fits");
    FitsWriter.write(image, p);
  }

  private static byte[] box(int x0, int y0, int x1, int y1) {
    byte[] m = new byte[NX * NY];
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        m[y * NX + x] = 1;
      }
    }
    return m;
  }

  private static MaskObject obj(byte[] mask, DetectionClass c, String name) {
    return new MaskObject(mask, c, name, name.length(), false, Map.of(), FitsCards.create());
  }

  @Test
  void writtenAnnotationReadsBackWithMasksClassesAndBoxes() {
    byte[] compact = box(2, 3, 5, 6);
    byte[] lobes = box(10, 2, 12, 4);
    byte[] lobe2 = box(18, 10, 20, 12);
    for (int i = 0; i < lobes.length; i++) {
      lobes[i] |= lobe2[i];
    }
    Path json = dir.resolve("ann").resolve("frame.json");
    CaesarAnnotation written =
        CaesarAnnotationWriter.write(
            json,
            image,
            INFO,
            List.of(
                new MaskObject(
                    compact,
                    DetectionClass.COMPACT,
                    "c1",
                    1,
                    true,
                    Map.of("snr", 12.5),
                    FitsCards.create()),
                obj(lobes, DetectionClass.EXTENDED_MULTISLAND, "fr2"),
                obj(box(0, 15, 3, 19), DetectionClass.FLAGGED, "flag")));
    CaesarAnnotation read = CaesarAnnotationReader.read(json);
    assertEquals(written, read);
    assertEquals(image.toAbsolutePath().normalize(), read.image());
    assertEquals(INFO, read.info());
    assertEquals(3, read.objects().size());
    CaesarObject c = read.objects().get(0);
    assertEquals(DetectionClass.COMPACT, c.detectionClass());
    assertEquals(new PixelBox(2, 3, 5, 6), c.bbox());
    assertEquals(16, c.npix());
    assertTrue(c.sidelobeNear());
    assertEquals(12.5, c.extras().get("snr"));
    assertArrayEquals(compact, CaesarAnnotationReader.readMask(read, c));
    CaesarObject fr2 = read.objects().get(1);
    assertEquals(2, fr2.nislands());
    assertEquals(DetectionClass.EXTENDED_MULTISLAND, fr2.detectionClass());
    assertArrayEquals(lobes, CaesarAnnotationReader.readMask(read, fr2));
    CaesarObject flag = read.objects().get(2);
    assertTrue(flag.sidelobeMixed());
    assertEquals(DetectionClass.FLAGGED, flag.detectionClass());
    assertEquals(List.of(json.toAbsolutePath()), CaesarAnnotationReader.list(json));
  }

  /** The public caesar-mrcnn layout: older class names, the loader's class rules, a file list. */
  @Test
  void publicLayoutWithLegacyNamesAndFileList() throws Exception {
    Path sub = dir.resolve("set");
    FitsWriter.writeMask(sub.resolve("m1.fits"), box(1, 1, 3, 3), NX, NY, FitsCards.create());
    FitsWriter.writeMask(sub.resolve("m2.fits"), box(8, 8, 9, 9), NX, NY, FitsCards.create());
    FitsWriter.writeMask(sub.resolve("m3.fits"), box(12, 1, 14, 3), NX, NY, FitsCards.create());
    FitsWriter.writeMask(sub.resolve("m4.fits"), box(16, 5, 18, 9), NX, NY, FitsCards.create());
    Files.writeString(
        sub.resolve("a.json"),
        """
        {"img": "../img/frame.fits", "nx": 24, "ny": 20, "dx": -2, "dy": 2, "bmaj": 10,
         "bmin": 8, "bkg": 0, "rms": 1e-4, "telescope": "askap",
         "objs": [
          {"mask": "m1.fits", "class": "sidelobe", "sidelobe-mixed": 0, "nislands": 1},
          {"mask": "m2.fits", "class": "source", "sidelobe-mixed": 1, "nislands": 1},
          {"mask": "m3.fits", "class": "galaxy", "sidelobe-mixed": 0, "nislands": 2},
          {"mask": "m4.fits", "class": "extended", "sidelobe-mixed": 0, "nislands": 1}]}
        """);
    Path list = dir.resolve("filelist.txt");
    Files.writeString(list, "# caesar-mrcnn datalist\nset/a.json\n\n");
    List<Path> jsons = CaesarAnnotationReader.list(list);
    assertEquals(List.of(sub.resolve("a.json").toAbsolutePath().normalize()), jsons);
    CaesarAnnotation a = CaesarAnnotationReader.read(jsons.get(0));
    assertEquals(
        List.of(
            DetectionClass.SPURIOUS,
            DetectionClass.FLAGGED,
            DetectionClass.EXTENDED_MULTISLAND,
            DetectionClass.EXTENDED),
        a.objects().stream().map(CaesarObject::detectionClass).toList());
    assertEquals(0, a.info().x0());
    assertEquals("askap", a.info().telescope());
  }

  @Test
  void datalistEntriesNameTheirAnnotation() throws Exception {
    Path json = dir.resolve("annotations").resolve("f.json");
    CaesarAnnotationWriter.write(
        json, image, INFO, List.of(obj(box(1, 1, 2, 2), DetectionClass.COMPACT, "a")));
    Path datalist = dir.resolve("datalist.json");
    Files.writeString(
        datalist,
        """
        {"data": [{"filepaths": ["img/frame.fits"], "sname": "f", "id": [1],
          "label": ["COMPACT"], "annotation": "annotations/f.json"}]}
        """);
    assertEquals(List.of(json.toAbsolutePath().normalize()), CaesarAnnotationReader.list(datalist));
  }

  @Test
  void missingMaskFileIsOneErrorNamingTheJson() throws Exception {
    Path json = dir.resolve("bad.json");
    Files.writeString(
        json,
        "{\"img\": \"img/frame.fits\", \"nx\": 24, \"ny\": 20, \"objs\": [{\"mask\":"
            + " \"gone.fits\", \"class\": \"compact\"}]}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> CaesarAnnotationReader.read(json));
    assertEquals(json.toAbsolutePath(), e.file());
    assertTrue(e.getMessage().contains("object 1: mask file"), e.getMessage());
    assertTrue(e.getMessage().contains("gone.fits"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void unknownClassIsOneErrorNamingTheJsonAndTheKnownClasses() throws Exception {
    FitsWriter.writeMask(dir.resolve("m.fits"), box(1, 1, 3, 3), NX, NY, FitsCards.create());
    Path json = dir.resolve("bad.json");
    Files.writeString(
        json,
        "{\"img\": \"img/frame.fits\", \"nx\": 24, \"ny\": 20, \"objs\": [{\"mask\":"
            + " \"m.fits\", \"class\": \"quasar\"}]}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> CaesarAnnotationReader.read(json));
    assertEquals(json.toAbsolutePath(), e.file());
    assertTrue(e.getMessage().contains("unknown class 'quasar'"), e.getMessage());
    assertTrue(e.getMessage().contains("extended-multisland"), e.getMessage());
  }

  @Test
  void maskOfAnotherSizeIsOneErrorNamingTheMaskFile() throws Exception {
    Path mask = dir.resolve("m.fits");
    FitsWriter.writeMask(mask, new byte[10 * 10], 10, 10, FitsCards.create());
    Path json = dir.resolve("bad.json");
    Files.writeString(
        json,
        "{\"img\": \"img/frame.fits\", \"nx\": 24, \"ny\": 20, \"objs\": [{\"mask\":"
            + " \"m.fits\", \"class\": \"compact\"}]}");
    CaesarAnnotation a = CaesarAnnotationReader.read(json);
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> CaesarAnnotationReader.readMask(a, a.objects().get(0)));
    assertEquals(mask.toAbsolutePath(), e.file());
    assertTrue(e.getMessage().contains("mask is 10x10"), e.getMessage());
    assertTrue(e.getMessage().contains("24x20"), e.getMessage());
  }

  @Test
  void listThatIsNeitherIsRefused() throws Exception {
    Path json = dir.resolve("x.json");
    Files.writeString(json, "{\"foo\": 1}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> CaesarAnnotationReader.list(json));
    assertTrue(e.getMessage().contains("neither"), e.getMessage());
  }
}
