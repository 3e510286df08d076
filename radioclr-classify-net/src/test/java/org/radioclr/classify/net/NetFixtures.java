package org.radioclr.classify.net;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

/**
 * Test data: seeded 32 px FITS cutouts of two clearly different morphologies (a single compact
 * source, "POINT", id 0; two separated compact sources, "DOUBLE", id 1), labelled datalists of
 * them, and a small-stem SimCLR checkpoint with random weights.
 */
final class NetFixtures {
  static final int SIZE = 32;

  private NetFixtures() {}

  /** One cutout: noise plus one source, or two sources 12 px apart at a random angle. */
  static Plane cutout(boolean dbl, SplittableRandom random) {
    float[] data = new float[SIZE * SIZE];
    double cx = SIZE / 2.0 + random.nextDouble(-2, 2);
    double cy = SIZE / 2.0 + random.nextDouble(-2, 2);
    double angle = random.nextDouble(0, Math.PI);
    double[][] sources =
        dbl
            ? new double[][] {
              {cx + 6 * Math.cos(angle), cy + 6 * Math.sin(angle)},
              {cx - 6 * Math.cos(angle), cy - 6 * Math.sin(angle)}
            }
            : new double[][] {{cx, cy}};
    double amp = random.nextDouble(20, 40);
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double v = random.nextGaussian();
        for (double[] s : sources) {
          double r2 = (x - s[0]) * (x - s[0]) + (y - s[1]) * (y - s[1]);
          v += amp * Math.exp(-r2 / (2 * 1.5 * 1.5));
        }
        data[y * SIZE + x] = (float) (1e-3 * v);
      }
    }
    return new Plane(SIZE, SIZE, data);
  }

  /**
   * Writes {@code n} cutouts alternating POINT and DOUBLE as {@code dir/<name>-<i>.fits} and the
   * datalist {@code dir/<name>.json}.
   */
  static Path datalist(Path dir, String name, int n, long seed) {
    try {
      Files.createDirectories(dir);
      SplittableRandom random = new SplittableRandom(seed);
      StringBuilder sb = new StringBuilder("{\"data\": [");
      for (int i = 0; i < n; i++) {
        boolean dbl = i % 2 == 1;
        String file = name + "-" + i + ".fits";
        FitsWriter.write(dir.resolve(file), cutout(dbl, random));
        sb.append(i == 0 ? "" : ", ")
            .append("{\"filepaths\": [\"")
            .append(file)
            .append("\"], \"sname\": \"")
            .append(name)
            .append(i)
            .append("\", \"id\": ")
            .append(dbl ? 1 : 0)
            .append(", \"label\": \"")
            .append(dbl ? "DOUBLE" : "POINT")
            .append("\"}");
      }
      Path list = dir.resolve(name + ".json");
      Files.writeString(list, sb.append("]}"));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small-stem SimCLR checkpoint at 32 px with seeded random weights. */
  static Path simclrCheckpoint(Path dir, long seed) {
    ModelConfig config =
        new ModelConfig(ResNet18Config.encoder(true), ProjectionHeadConfig.paper(), SIZE, null);
    Engines.pytorch().setRandomSeed((int) seed);
    try (Model model = Model.newInstance("simclr", Engines.bestDevice(), Engines.PYTORCH)) {
      SimclrModel block = config.newModel();
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
      Checkpoint.save(dir, model, config, new Provenance("test").put("seed", seed));
    }
    return dir;
  }

  /**
   * A small-stem encoder at 16 px (the 32 px cutouts are resized to it): four times cheaper than 32
   * px, for tests that do not measure accuracy.
   */
  static EncoderShape shape() {
    return EncoderShape.of(16, true);
  }
}
