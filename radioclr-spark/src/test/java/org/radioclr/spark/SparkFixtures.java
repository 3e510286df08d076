package org.radioclr.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;

/**
 * Test data for the Spark jobs: a small-stem 32 px checkpoint with seeded random weights, seeded
 * FITS cutouts with a datalist (labels, a numeric and a text extra, some entries not FITS), and a
 * local Spark session (2 cores, each task tried twice, UI off, bound to 127.0.0.1).
 */
public final class SparkFixtures {
  private SparkFixtures() {}

  /** A random checkpoint in the new folder {@code dir}. */
  public static Path checkpoint(Path dir) {
    ModelConfig config =
        new ModelConfig(ResNet18Config.encoder(true), ProjectionHeadConfig.paper(), 32, null);
    Checkpoint.saveRandom(dir, config, 5, new Provenance("test"));
    return dir;
  }

  /**
   * {@code count} seeded 40x40 cutouts (a Gaussian blob over noise) and the datalist {@code
   * data.json} over them: entry i is {@code src<i>}, labelled FRI/FRII/COMPACT in turn, with extras
   * {@code rms} (number) and {@code field} (text); the entries in {@code broken} point at a file
   * that is not FITS.
   */
  public static Path dataset(Path dir, int count, int... broken) {
    try {
      Files.createDirectories(dir);
      String[] labels = {"FRI", "FRII", "COMPACT"};
      List<DatalistEntry> entries = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Path file = dir.resolve("img" + i + ".fits");
        final int index = i;
        if (java.util.Arrays.stream(broken).anyMatch(b -> b == index)) {
          Files.writeString(file, "this is not a FITS file");
        } else {
          FitsWriter.write(file, cutout(100 + i));
        }
        entries.add(
            new DatalistEntry(
                List.of(file),
                "src" + i,
                List.of(i % 3),
                List.of(labels[i % 3]),
                Map.of("rms", 1e-4 * (i + 1), "field", "f" + (i % 2))));
      }
      Path datalist = dir.resolve("data.json");
      DatalistWriter.writeAll(datalist, entries, LabelForm.SCALAR_WHEN_SINGLE);
      return datalist;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Plane cutout(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int w = 40;
    float[] data = new float[w * w];
    double cx = 15 + random.nextDouble(10);
    double cy = 15 + random.nextDouble(10);
    double sigma = 2 + random.nextDouble(4);
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        data[y * w + x] =
            (float) (1e-3 * Math.exp(-r2 / (2 * sigma * sigma)) + 1e-4 * random.nextGaussian());
      }
    }
    return new Plane(w, w, data);
  }

  /** The Spark settings of the tests: UI off, bound to 127.0.0.1. */
  public static Map<String, String> conf() {
    return Map.of("spark.driver.host", "127.0.0.1", "spark.ui.enabled", "false");
  }

  /** A local session on 2 cores where a failed task is tried once more. */
  public static SparkSession session() {
    return SparkSessions.open("local[2,2]", "radioclr tests", conf());
  }

  /** Counts the task attempts that fail while open; closing stops counting. */
  public static final class FailedTasks extends SparkListener implements AutoCloseable {
    private final SparkSession spark;
    private final AtomicInteger count = new AtomicInteger();

    /** Starts counting the failed task attempts of {@code spark}. */
    public FailedTasks(SparkSession spark) {
      this.spark = spark;
      spark.sparkContext().addSparkListener(this);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (!end.taskInfo().successful()) {
        count.incrementAndGet();
      }
    }

    /** Failed attempts so far. */
    public int count() {
      return count.get();
    }

    @Override
    public void close() {
      spark.sparkContext().removeSparkListener(this);
    }
  }

  /** Every file under a folder: relative name → bytes. */
  public static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  /** The same files (names and bytes) under both folders, and no other file (no parts left). */
  public static void assertSameFiles(Path expected, Path actual) throws IOException {
    Map<String, byte[]> e = files(expected);
    Map<String, byte[]> a = files(actual);
    assertEquals(e.keySet(), a.keySet(), "same files, no parts folder left");
    e.forEach((name, bytes) -> assertArrayEquals(bytes, a.get(name), name));
  }
}
