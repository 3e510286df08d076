package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

class PreviewTest {
  private static final int N = 256;

  @TempDir Path dir;

  @Test
  void mapPreviewKeepsSmallMapsAndDrawsBoxesInClassColours() throws Exception {
    List<SourceTruth> truths = BenchmarkSetsTest.truths();
    Plane map = TestFields.render(N, N, truths, 5);
    Path png = dir.resolve("map.png");
    assertArrayEquals(
        new int[] {256, 256},
        MapPreview.write(map, truths, png, MapPreview.ColourBy.DETECTION_CLASS, 2048));
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(256, img.getWidth());
    assertEquals(256, img.getHeight());
    // the point source at (220, 50), bottom right, away from the legend: its box's corner
    PixelBox b = Masks.bounds(truths.get(3).mask()).orElseThrow();
    int x = b.x0() - 1;
    int row = N - 1 - (b.y1() + 1);
    assertEquals(0x46d25a, img.getRGB(x, row) & 0xffffff, "COMPACT green");
    // a noise pixel far from sources is grey
    int rgb = img.getRGB(128, N - 1 - 10) & 0xffffff;
    assertEquals(rgb & 0xff, (rgb >> 8) & 0xff);
    assertEquals(rgb & 0xff, (rgb >> 16) & 0xff);
    // the FR2 at (140..170, 120) by family: orange
    MapPreview.write(map, truths, png, MapPreview.ColourBy.FAMILY, 2048);
    img = ImageIO.read(png.toFile());
    PixelBox fr2 = Masks.bounds(truths.get(11).mask()).orElseThrow();
    assertEquals(0xffa500, img.getRGB(fr2.x1() + 1, N - 1 - (fr2.y0() - 1)) & 0xffffff);
  }

  @Test
  void bigMapsAreShrunkByAnIntegerFactor() throws Exception {
    List<SourceTruth> truths = BenchmarkSetsTest.truths();
    Plane map = TestFields.render(N, N, truths, 5);
    Path png = dir.resolve("small.png");
    assertArrayEquals(
        new int[] {86, 86},
        MapPreview.write(map, truths, png, MapPreview.ColourBy.DETECTION_CLASS, 100));
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(86, img.getWidth());
    assertEquals(86, img.getHeight());
    Plane shrunk = MapPreview.shrink(new Plane(3, 2, new float[] {1, 2, 3, 5, 0, Float.NaN}), 2);
    assertArrayEquals(new float[] {8 / 3f, 3}, shrunk.data(), 1e-6f);
    assertThrows(
        IllegalArgumentException.class,
        () -> MapPreview.write(map, truths, png, MapPreview.ColourBy.FAMILY, 8));
  }

  @Test
  void contactSheetHasOneRowPerMorphology() throws Exception {
    List<SourceTruth> truths = BenchmarkSetsTest.truths();
    Plane map = TestFields.render(N, N, truths, 5);
    Path png = dir.resolve("sheet.png");
    // point, close-double, fr2, diffuse-blob, artefact-ring: 5 rows of up to 4 tiles of 64
    int[] size = SourceContactSheet.write(map, truths, png, 4, 64, 5, 1);
    assertArrayEquals(new int[] {150 + 4 * 68 + 4, 5 * 68 + 4}, size);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(size[0], img.getWidth());
    assertEquals(size[1], img.getHeight());
    // the first tile's centre holds the bright source: a light pixel
    int rgb = img.getRGB(150 + 32, 4 + 32) & 0xff;
    assertTrue(rgb > 200, "source at the tile centre, got " + rgb);
    assertThrows(
        IllegalArgumentException.class,
        () -> SourceContactSheet.write(map, List.of(), png, 4, 64, 5, 1));
  }
}
