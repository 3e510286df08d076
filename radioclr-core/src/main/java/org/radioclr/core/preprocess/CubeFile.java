package org.radioclr.core.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.image.PngWriter;

/**
 * A pre-processed image as files ({@code radioclr preprocess}): a float32 FITS cube of {@code
 * [C][H][W]} values in [0, 1] (NAXIS3 = channels, {@code CTYPE3 = CHANNEL}, {@code CHNAMEn} the
 * recipe's channel names, the source image's WCS moved to the resized pixel grid, {@code BUNIT}
 * removed, the recipe in {@code HISTORY} cards), and its preview PNG (RGB for three channels, else
 * the first channel in grey).
 */
public final class CubeFile {
  private CubeFile() {}

  /**
   * The cube's header cards.
   *
   * @param image the image that was pre-processed (its header and size)
   * @param cube what the pre-processing made of it
   * @param source the file it came from, named in a {@code HISTORY} card
   */
  public static FitsCards cards(FitsImage image, Cube cube, PreprocessConfig config, Path source) {
    FitsCards cards =
        FitsCards.from(image.header())
            .resampled(
                image.header(),
                cube.width() / (double) image.width(),
                cube.height() / (double) image.height())
            .set("CTYPE3", "CHANNEL")
            .remove("BUNIT")
            .history("radioclr preprocess of " + source.getFileName());
    for (int c = 0; c < config.channels().size(); c++) {
      ChannelRecipe recipe = config.channels().get(c);
      cards
          .set("CHNAME" + (c + 1), recipe.name())
          .history("channel " + (c + 1) + ": " + RecipeText.ascii(recipe.describe()));
    }
    return cards.history(RecipeText.ascii(config.describeSize()));
  }

  /**
   * Writes the cube with {@link #cards} (atomically).
   *
   * @throws org.radioclr.core.BadInputException naming the target when it cannot be written
   */
  public static void write(
      Path target, FitsImage image, Cube cube, PreprocessConfig config, Path source) {
    List<Plane> channels = new ArrayList<>();
    for (int c = 0; c < cube.channels(); c++) {
      channels.add(cube.channel(c));
    }
    FitsWriter.writeCube(target, channels, cards(image, cube, config, source));
  }

  /** Writes the preview PNG: RGB for a 3-channel cube, else its first channel in grey. */
  public static void writePreview(Path png, Cube cube) {
    if (cube.channels() == 3) {
      PngWriter.writeRgb(png, cube.data(), cube.width(), cube.height());
    } else {
      PngWriter.writeGray(png, cube.channel(0), 0, 1);
    }
  }

  /** The preview beside a cube: {@code X.fits} (or {@code .fit}, any case) → {@code X.png}. */
  public static Path previewBeside(Path fits) {
    String name = fits.getFileName().toString().replaceFirst("(?i)\\.fits?$", "");
    return fits.resolveSibling(name + ".png");
  }
}
