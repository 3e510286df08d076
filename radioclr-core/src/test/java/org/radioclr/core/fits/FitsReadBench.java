package org.radioclr.core.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.radioclr.core.image.Plane;
import org.radioclr.testkit.RealData;

/**
 * Prints warm read timings of {@link FitsReader} as a table (not a test: no timed asserts). Run
 * from {@code radioclr-core} with the test classpath, e.g. {@code java -cp
 * target/test-classes:target/classes:<deps> org.radioclr.core.fits.FitsReadBench}. Uses the real
 * data when present, synthetic 1000x1000 maps always.
 */
public final class FitsReadBench {
  private FitsReadBench() {}

  public static void main(String[] args) throws IOException {
    Path tmp = Files.createTempDirectory("fitsbench");
    List<String[]> rows = new ArrayList<>();
    Optional<Path> real = RealData.root();
    if (real.isPresent()) {
      List<Path> first = list(real.get().resolve("frdeep-first"));
      if (!first.isEmpty()) {
        rows.add(row("FIRST 150x150 f32 (" + first.size() + " files)", first, 5));
      }
      for (Path f : list(real.get().resolve("atca-scorpio"))) {
        rows.add(row("ATCA " + f.getFileName() + " 1000x1000 f32", List.of(f), 30));
      }
    }
    float[][] map = new float[1000][1000];
    SplittableRandom rnd = new SplittableRandom(42);
    short[][] ints = new short[1000][1000];
    for (int y = 0; y < 1000; y++) {
      for (int x = 0; x < 1000; x++) {
        map[y][x] = (float) rnd.nextGaussian();
        ints[y][x] = (short) rnd.nextInt(-30000, 30000);
      }
    }
    Path f32 = tmp.resolve("f32.fits");
    FitsWriter.write(f32, new Plane(1000, 1000, FitsReaderTest.flatten(map)));
    rows.add(row("synthetic 1000x1000 f32", List.of(f32), 30));
    Path i16 =
        NomTamFiles.image(
            tmp.resolve("i16.fits"),
            ints,
            h -> {
              h.addValue("BSCALE", 1e-4, "");
              h.addValue("BLANK", -32768, "");
            });
    rows.add(row("synthetic 1000x1000 i16 BSCALE+BLANK", List.of(i16), 30));
    Path gz = NomTamFiles.gzip(f32, tmp.resolve("f32.fits.gz"));
    rows.add(row("synthetic 1000x1000 f32 .fits.gz", List.of(gz), 10));
    ImageHDU hdu = (ImageHDU) Fits.makeHDU(map);
    CompressedImageHDU c = CompressedImageHDU.fromImageHDU(hdu, 1000, 16);
    c.setCompressAlgorithm("GZIP_1");
    c.compress();
    Path tiles = NomTamFiles.write(tmp.resolve("tiles.fits"), new NullDataHDU(), c);
    rows.add(row("synthetic 1000x1000 f32 GZIP_1 tiles", List.of(tiles), 10));

    System.out.printf("%-48s %10s %10s %10s%n", "case", "median ms", "min ms", "reads");
    for (String[] r : rows) {
      System.out.printf("%-48s %10s %10s %10s%n", (Object[]) r);
    }
  }

  /** Per-file read time: warm-up rounds, then {@code rounds} timed rounds over all files. */
  private static String[] row(String name, List<Path> files, int rounds) {
    for (int w = 0; w < 3; w++) {
      for (Path f : files) {
        FitsReader.read(f);
      }
    }
    double[] perFile = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (Path f : files) {
        FitsReader.read(f);
      }
      perFile[r] = (System.nanoTime() - t0) / 1e6 / files.size();
    }
    Arrays.sort(perFile);
    return new String[] {
      name,
      String.format("%.3f", perFile[rounds / 2]),
      String.format("%.3f", perFile[0]),
      String.valueOf(rounds * files.size())
    };
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".fits")).sorted().toList();
    }
  }
}
