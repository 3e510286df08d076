package org.radioclr.nn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;

/** Test helpers: small FITS frames (noise plus a Gaussian blob) and a datalist of them. */
final class TrainData {
  private TrainData() {}

  /** Writes {@code n} frames of {@code size x size} pixels and {@code dir/datalist.json}. */
  static Path datalist(Path dir, int n, int size, long seed) throws IOException {
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder("{\"data\": [");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      String name = "img" + i + ".fits";
      FitsWriter.write(dir.resolve(name), frame(size, random));
      sb.append(i == 0 ? "" : ", ")
          .append("{\"filepaths\": [\"")
          .append(name)
          .append("\"], \"sname\": \"s")
          .append(i)
          .append("\"}");
    }
    sb.append("]}");
    Path list = dir.resolve("datalist.json");
    Files.writeString(list, sb);
    return list;
  }

  /**
   * Writes {@code n} frames and {@code dir/labelled.json} whose entries alternate the labels
   * "compact" and "extended" (the latter's blobs three times wider).
   */
  static Path labelledDatalist(Path dir, int n, int size, long seed) throws IOException {
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder("{\"data\": [");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      String name = "val" + i + ".fits";
      Plane p = frame(size, random, i % 2 == 1 ? 3.0 : 1.0);
      FitsWriter.write(dir.resolve(name), p);
      sb.append(i == 0 ? "" : ", ")
          .append("{\"filepaths\": [\"")
          .append(name)
          .append("\"], \"sname\": \"v")
          .append(i)
          .append("\", \"label\": \"")
          .append(i % 2 == 0 ? "compact" : "extended")
          .append("\"}");
    }
    sb.append("]}");
    Path list = dir.resolve("labelled.json");
    Files.writeString(list, sb);
    return list;
  }

  static Plane frame(int size, SplittableRandom random) {
    return frame(size, random, 1.0);
  }

  static Plane frame(int size, SplittableRandom random, double widen) {
    float[] data = new float[size * size];
    double cx = random.nextDouble(size * 0.3, size * 0.7);
    double cy = random.nextDouble(size * 0.3, size * 0.7);
    double sigma = widen * random.nextDouble(1.5, size / 6.0);
    double amp = random.nextDouble(5, 50);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        data[y * size + x] =
            (float) (1e-3 * (random.nextGaussian() + amp * Math.exp(-r2 / (2 * sigma * sigma))));
      }
    }
    return new Plane(size, size, data);
  }
}
