package org.radioclr.nn.features;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.SimclrModel;

/**
 * Test data: a small-stem SimCLR checkpoint at 32 px written per the checkpoint contract, seeded
 * FITS cutouts, and a datalist with labels and extras.
 */
final class FeatureFixtures {
  static final int SIZE = 32;
  static final String[] LABELS = {"FRI", "FRII", "COMPACT"};

  private FeatureFixtures() {}

  /** Writes a checkpoint folder: random weights (seeded), non-trivial batch-norm statistics. */
  static Path checkpoint(Path dir, boolean smallStem, int imageSize, long seed) {
    try {
      Files.createDirectories(dir);
      Engines.pytorch().setRandomSeed((int) seed);
      try (Model model = Model.newInstance("simclr", Device.cpu(), Engines.PYTORCH)) {
        SimclrModel block = SimclrModel.paper(smallStem);
        model.setBlock(block);
        NDManager manager = model.getNDManager();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, imageSize, imageSize));
        // One training-mode pass moves the running statistics away from 0/1, so that running the
        // network in training mode by mistake would give other numbers.
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[4 * 3 * imageSize * imageSize];
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) random.nextDouble();
        }
        try (NDManager sub = manager.newSubManager()) {
          NDArray x = sub.create(data, new Shape(4, 3, imageSize, imageSize));
          block.forward(new ParameterStore(sub, false), new NDList(x), true);
        }
        model.save(dir, "simclr");
      }
      Files.writeString(
          dir.resolve("model-config.json"),
          "{\"encoder\": {\"input_channels\": 3, \"small_input_stem\": "
              + smallStem
              + ", \"num_classes\": 0},"
              + " \"head\": {\"input_dim\": 512, \"hidden_dim\": 256, \"output_dim\": 128},"
              + " \"image_size\": "
              + imageSize
              + ", \"preprocess\": null}");
      new Provenance("test").put("seed", seed).writeTo(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a checkpoint's network directly (DJL), independent of the code under test. */
  static Model loadDirect(Path checkpoint, boolean smallStem)
      throws IOException, MalformedModelException {
    Model model = Model.newInstance("simclr", Device.cpu(), Engines.PYTORCH);
    model.setBlock(SimclrModel.paper(smallStem));
    model.load(checkpoint, "simclr");
    return model;
  }

  /** A seeded 40x40 cutout: a Gaussian blob over noise, in Jy/beam-like units. */
  static Plane cutout(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int w = 40;
    int h = 40;
    float[] data = new float[w * h];
    double cx = 15 + random.nextDouble(10);
    double cy = 15 + random.nextDouble(10);
    double sigma = 2 + random.nextDouble(4);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        data[y * w + x] =
            (float) (1e-3 * Math.exp(-r2 / (2 * sigma * sigma)) + 1e-4 * random.nextGaussian());
      }
    }
    return new Plane(w, h, data);
  }

  /**
   * Writes {@code count} cutouts and a datalist {@code data.json} over them: entry i has sname
   * {@code src<i>}, a label from {@link #LABELS} (entry 1 has two labels), extras {@code rms} (a
   * number) and {@code field} (a string). Entries listed in {@code broken} point at a file that is
   * not FITS.
   */
  static Path dataset(Path dir, int count, int... broken) {
    try {
      Files.createDirectories(dir);
      StringBuilder json = new StringBuilder("{\"data\": [\n");
      for (int i = 0; i < count; i++) {
        String file = "img" + i + ".fits";
        boolean bad = false;
        for (int b : broken) {
          bad |= b == i;
        }
        if (bad) {
          Files.writeString(dir.resolve(file), "this is not a FITS file");
        } else {
          FitsWriter.write(dir.resolve(file), cutout(100 + i));
        }
        String label =
            i == 1
                ? "[\"FRI\", \"FRII\"], \"id\": [0, 1]"
                : "\"" + LABELS[i % 3] + "\", \"id\": " + (i % 3);
        json.append(
            String.format(
                java.util.Locale.ROOT,
                "{\"filepaths\": [\"%s\"], \"sname\": \"src%d\", \"label\": %s,"
                    + " \"rms\": %s, \"field\": \"f%d\", \"tags\": [1, 2]}%s\n",
                file,
                i,
                label,
                Double.toString(1e-4 * (i + 1)),
                i % 2,
                i + 1 < count ? "," : ""));
      }
      json.append("]}\n");
      Path datalist = dir.resolve("data.json");
      Files.writeString(datalist, json);
      return datalist;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
