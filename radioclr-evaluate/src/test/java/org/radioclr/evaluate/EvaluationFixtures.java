package org.radioclr.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;

/**
 * Test data: a seeded random-weights checkpoint at 32 px, and two separable classes of 40x40
 * cutouts: "ROUND" (one compact Gaussian) and "DOUBLE" (two lobes either side of the centre).
 */
final class EvaluationFixtures {
  static final int SIZE = 32;

  private EvaluationFixtures() {}

  /**
   * A checkpoint of random (seeded) weights, small stem (as a weights file gets at 32 px), 32 px.
   */
  static Path encoder(Path dir) {
    Path ckpt = dir.resolve("encoder");
    Checkpoint.saveRandom(
        ckpt,
        new ModelConfig(ResNet18Config.encoder(true), ProjectionHeadConfig.paper(), SIZE, null),
        7,
        new Provenance("test"));
    return ckpt;
  }

  /** One cutout: a compact source, or two lobes at a random angle, over noise. */
  static Plane cutout(boolean twoLobes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int w = 40;
    float[] data = new float[w * w];
    double angle = random.nextDouble(Math.PI);
    double sep = 10 + random.nextDouble(4);
    double[][] centres =
        twoLobes
            ? new double[][] {
              {20 + sep * Math.cos(angle), 20 + sep * Math.sin(angle)},
              {20 - sep * Math.cos(angle), 20 - sep * Math.sin(angle)}
            }
            : new double[][] {{19 + random.nextDouble(2), 19 + random.nextDouble(2)}};
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        double v = 1e-4 * random.nextGaussian();
        for (double[] c : centres) {
          double r2 = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
          v += 1e-3 * Math.exp(-r2 / (2 * 2.5 * 2.5));
        }
        data[y * w + x] = (float) v;
      }
    }
    return new Plane(w, w, data);
  }

  /**
   * Writes {@code perClass} cutouts of each class and a datalist {@code labelled.json} over them
   * (ROUND id 0, DOUBLE id 1), plus {@code unlabelled} entries without a label.
   */
  static Path dataset(Path dir, int round, int doubles, int unlabelled) {
    try {
      Files.createDirectories(dir);
      StringBuilder json = new StringBuilder("{\"data\": [\n");
      int n = round + doubles + unlabelled;
      for (int i = 0; i < n; i++) {
        boolean two = i >= round;
        String file = "img" + i + ".fits";
        FitsWriter.write(dir.resolve(file), cutout(two, 1000 + i));
        String label =
            i >= round + doubles
                ? ""
                : two ? ", \"label\": \"DOUBLE\", \"id\": 1" : ", \"label\": \"ROUND\", \"id\": 0";
        json.append(
            String.format(
                Locale.ROOT,
                "{\"filepaths\": [\"%s\"], \"sname\": \"src%d\"%s}%s\n",
                file,
                i,
                label,
                i + 1 < n ? "," : ""));
      }
      json.append("]}\n");
      Path datalist = dir.resolve("labelled.json");
      Files.writeString(datalist, json);
      return datalist;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
