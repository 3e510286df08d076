package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;

class CubeFileTest {
  @TempDir Path dir;

  private Path image(int side) {
    SplittableRandom r = new SplittableRandom(5);
    Plane p = Plane.zeros(side, side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double d2 = Math.pow(x - side / 2.0, 2) + Math.pow(y - side / 2.0, 2);
        p.set(x, y, (float) (1e-3 * Math.exp(-d2 / 20) + 1e-5 * r.nextGaussian()));
      }
    }
    Path f = dir.resolve("src.fits");
    FitsWriter.write(
        f,
        p,
        FitsCards.create()
            .set("BUNIT", "JY/BEAM")
            .tanSky(150.0, -30.0, side / 2.0 + 0.5, side / 2.0 + 0.5, 2.0 / 3600));
    return f;
  }

  @Test
  void theCubeHasOneNamedPlanePerChannelTheWcsOnTheNewGridAndTheRecipe() throws IOException {
    Path src = image(64);
    FitsImage image = FitsReader.read(src);
    PreprocessConfig config = PreprocessConfig.paper().withOutputSize(32, 32);
    Cube cube = new Preprocessor(config).process(image.plane(), src);
    Path out = dir.resolve("cube.fits");
    CubeFile.write(out, image, cube, config, src);

    FitsImage c1 = FitsReader.read(out, 1);
    assertArrayEquals(new long[] {32, 32, 3}, c1.axes());
    assertArrayEquals(cube.channel(1).data(), c1.plane().data());
    assertEquals("CHANNEL", c1.header().getStringValue("CTYPE3"));
    assertEquals(config.channels().get(0).name(), c1.header().getStringValue("CHNAME1"));
    assertFalse(c1.header().containsKey("BUNIT"), "normalised values have no unit");
    // half as many pixels across: twice the pixel size, the reference pixel moved with the grid
    assertEquals(-2 * 2.0 / 3600, c1.header().getDoubleValue("CDELT1"), 1e-12);
    assertEquals(16.5, c1.header().getDoubleValue("CRPIX1"), 1e-9);
    StringBuilder history = new StringBuilder();
    for (var card : c1.header().findCards("HISTORY")) {
      history.append(card.getComment());
    }
    assertTrue(history.toString().contains("radioclr preprocess of src.fits"), history.toString());

    Path png = CubeFile.previewBeside(out);
    assertEquals(dir.resolve("cube.png"), png);
    CubeFile.writePreview(png, cube);
    assertTrue(Files.size(png) > 0);
    assertEquals(dir.resolve("a.png"), CubeFile.previewBeside(dir.resolve("a.FIT")));
  }
}
