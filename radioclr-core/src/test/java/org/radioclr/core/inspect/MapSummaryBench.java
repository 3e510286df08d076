package org.radioclr.core.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.testkit.RealData;

/**
 * Prints warm timings of {@link MapSummary#of(FitsImage)} (the image already in memory) and of read
 * + summary, as a table (not a test: no timed asserts). Run from {@code radioclr-core} with the
 * test classpath: {@code java -cp target/test-classes:target/classes:<deps>
 * org.radioclr.core.inspect.MapSummaryBench}. Uses a synthetic 1000x1000 map always, the ATCA maps
 * and the FIRST cutouts when present; also prints one summary as text.
 */
public final class MapSummaryBench {
  private MapSummaryBench() {}

  public static void main(String[] args) throws IOException {
    Path tmp = Files.createTempDirectory("infobench");
    List<Path> files = new ArrayList<>();
    float[] d = new float[1000 * 1000];
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < d.length; i++) {
      d[i] = i % 97 == 0 ? Float.NaN : (float) (1e-4 * rnd.nextGaussian());
    }
    Path synthetic = tmp.resolve("synthetic.fits");
    FitsWriter.write(
        synthetic,
        new Plane(1000, 1000, d),
        FitsCards.create().tanSky(150, 2, 500.5, 500.5, 1.5 / 3600).set("BUNIT", "Jy/beam"));
    files.add(synthetic);
    Optional<Path> real = RealData.root();
    List<Path> first = List.of();
    if (real.isPresent()) {
      try (Stream<Path> s = Files.list(real.get().resolve("atca-scorpio"))) {
        s.filter(p -> p.toString().endsWith(".fits")).sorted().forEach(files::add);
      }
      try (Stream<Path> s = Files.list(real.get().resolve("frdeep-first"))) {
        first = s.filter(p -> p.toString().endsWith(".fits")).sorted().toList();
      }
    }
    System.out.printf(
        Locale.ROOT, "%-36s %12s %14s %14s%n", "map", "size", "summary ms", "read+sum ms");
    for (Path f : files) {
      FitsImage image = FitsReader.read(f);
      double summary = bestOf(10, () -> MapSummary.of(image));
      double both = bestOf(10, () -> MapSummary.of(FitsReader.read(f)));
      System.out.printf(
          Locale.ROOT,
          "%-36s %12s %14.1f %14.1f%n",
          f.getFileName(),
          image.width() + "x" + image.height(),
          summary,
          both);
    }
    if (!first.isEmpty()) {
      List<Path> all = first;
      double perFile =
          bestOf(3, () -> all.forEach(f -> MapSummary.of(FitsReader.read(f)))) / all.size();
      System.out.printf(
          Locale.ROOT,
          "%-36s %12s %14s %14.2f  (per file, %d files)%n",
          "FIRST cutouts",
          "150x150",
          "",
          perFile,
          all.size());
    }
    System.out.println();
    System.out.print(MapSummary.of(FitsReader.read(files.get(files.size() - 1))).toText());
  }

  private static double bestOf(int runs, Runnable r) {
    for (int i = 0; i < 3; i++) {
      r.run();
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    return best;
  }
}
