package org.radioclr.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.NoSuchPlaneException;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.CubeFile;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr preprocess}: one image through the paper's 3-channel pre-processing. */
@Command(
    name = "preprocess",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-process a FITS image as the model sees it (paper §2.3): channel 1 sigma-clipped"
          + " (5, 30 sigma), channels 2 and 3 zscale (contrast 0.25, 0.4), each min-max"
          + " normalised to [0,1] and resized to 224x224.",
      "Writes a float32 cube with NAXIS3 = channels and the WCS moved to the new pixel grid."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr preprocess map.fits --out map-3ch.fits --png",
      "  radioclr preprocess cutout.fits --out c.fits --size 64",
      "  radioclr preprocess cutout.fits --out c.fits --config my-recipe.json"
    })
final class PreprocessCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.fits", description = "Input FITS image.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "OUT.fits", description = "Output cube.")
  Path output;

  @Option(names = "--png", description = "Also write an RGB preview next to the output (.png).")
  boolean png;

  @Option(
      names = "--plane",
      paramLabel = "K",
      description = "Plane of a cube to use (0-based); needed when the cube has several.")
  Integer plane;

  @Mixin PreprocessOptions options;

  @Override
  public Integer call() {
    PreprocessConfig config = options.resolve();
    FitsImage image;
    if (plane == null) {
      image = FitsReader.read(input);
    } else if (plane < 0) {
      throw new RadioclrException("--plane must be 0 or more (planes count from 0), got " + plane);
    } else {
      try {
        image = FitsReader.read(input, plane);
      } catch (NoSuchPlaneException e) {
        throw e.forOption("--plane");
      }
    }
    Cube cube = new Preprocessor(config).process(image.plane(), input);
    CubeFile.write(output, image, cube, config, input);
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + output
                + " ("
                + cube.channels()
                + "x"
                + cube.height()
                + "x"
                + cube.width()
                + ")");
    spec.commandLine().getOut().println("recipe: " + config.describe());
    if (png) {
      Path preview = CubeFile.previewBeside(output);
      CubeFile.writePreview(preview, cube);
      spec.commandLine().getOut().println("wrote " + preview);
    }
    return 0;
  }
}
