package org.radioclr.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;

/**
 * A small review project made for tests: {@code n} frames of 32x32 noise with a source (TAN WCS),
 * their datalist, a score CSV and a 4-feature CSV. The frames fall in two clusters in feature space
 * and one wide population: rows 3k ("ARTEFACT", features near (5,5,5,5)) have the highest raw
 * scores, rows 3k+1 ("PECULIAR", near (-5,-5,-5,-5)) middling ones, rows 3k+2 ("COMPACT", spread
 * far from both) the lowest; so rating a few artefacts 0 and a few peculiar frames 5 must move the
 * peculiar frames above the artefacts in the learned ranking.
 */
public record ReviewFixture(Path dir, Path datalist, Path scores, Path features, int n) {

  /** The label of row i is LABELS[i % 3]. */
  public static final String[] LABELS = {"ARTEFACT", "PECULIAR", "COMPACT"};

  /** Frame name of row {@code i}. */
  public static String sname(int i) {
    return String.format(Locale.ROOT, "fr%03d", i);
  }

  /** Raw score of row {@code i}: 0.9 to 0.6 for artefacts, 0.5 to 0.3 peculiar, 0.2 to 0.05. */
  public static double score(int i, int n) {
    double t = (double) i / n;
    return switch (i % 3) {
      case 0 -> 0.9 - 0.3 * t;
      case 1 -> 0.5 - 0.2 * t;
      default -> 0.2 - 0.15 * t;
    };
  }

  public static ReviewFixture make(Path dir, int n) throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    Path frames = dir.resolve("frames");
    Files.createDirectories(frames);
    StringBuilder dl = new StringBuilder("{\"data\": [");
    StringBuilder sc = new StringBuilder("sname,label,map,rms,score\n");
    StringBuilder ft = new StringBuilder("sname,label,f0,f1,f2,f3\n");
    for (int i = 0; i < n; i++) {
      float[] px = new float[32 * 32];
      for (int k = 0; k < px.length; k++) {
        px[k] = (float) (r.nextGaussian() * 1e-4);
      }
      for (int y = 12; y < 20; y++) {
        for (int x = 12; x < 20; x++) {
          px[y * 32 + x] += (float) (1e-3 * (1 + i % 5));
        }
      }
      Path f = frames.resolve(sname(i) + ".fits");
      FitsWriter.write(
          f, new Plane(32, 32, px), FitsCards.create().tanSky(150 + 0.01 * i, 2, 16, 16, 0.0005));
      dl.append(i > 0 ? "," : "")
          .append("{\"filepaths\": [\"frames/")
          .append(sname(i))
          .append(".fits\"], \"sname\": \"")
          .append(sname(i))
          .append("\"}");
      String label = LABELS[i % 3];
      sc.append(
          String.format(
              Locale.ROOT,
              "%s,%s,field%d.fits,%.6f,%.6f%n",
              sname(i),
              label,
              i % 3,
              1e-4 * (1 + i % 4),
              score(i, n)));
      ft.append(sname(i)).append(',').append(label);
      for (int j = 0; j < 4; j++) {
        double v =
            switch (i % 3) {
              case 0 -> 5 + r.nextGaussian();
              case 1 -> -5 + r.nextGaussian();
              default -> 40 * (r.nextDouble() - 0.5) + (j % 2 == 0 ? 60 : -60);
            };
        ft.append(String.format(Locale.ROOT, ",%.5f", v));
      }
      ft.append('\n');
    }
    Path datalist = dir.resolve("datalist.json");
    Files.writeString(datalist, dl.append("]}").toString());
    Path scores = dir.resolve("scores.csv");
    Files.writeString(scores, sc.toString());
    Path features = dir.resolve("features.csv");
    Files.writeString(features, ft.toString());
    return new ReviewFixture(dir, datalist, scores, features, n);
  }
}
