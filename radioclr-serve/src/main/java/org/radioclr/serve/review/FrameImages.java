package org.radioclr.serve.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radioclr.core.image.Plane;
import org.radioclr.core.image.PngWriter;
import org.radioclr.core.preprocess.ChannelRecipe;
import org.radioclr.core.preprocess.MinMaxStage;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.preprocess.TooManyInvalidPixelsException;
import org.radioclr.core.preprocess.ZScaleStage;

/**
 * PNG images of the frames, drawn with the project's own pre-processing ({@link Preprocessor}) and
 * PNG writer: the thumbnail (the paper's three channels as RGB), each paper channel alone, and
 * three display stretches of the raw pixels (zscale with contrast 0.25, asinh, linear min-max). A
 * frame whose pixels are too blank to pre-process is drawn mid-grey. Recent images are cached in
 * memory (at most {@link #CACHE_ENTRIES}). Thread-safe: each thread has its own preprocessors.
 */
public final class FrameImages {
  /** Thumbnail side in pixels. */
  public static final int THUMB = 128;

  /** Side of the detail images in pixels. */
  public static final int DETAIL = 384;

  /** Images kept in memory. */
  public static final int CACHE_ENTRIES = 4096;

  /** The views of a frame, by URL name. */
  public static final List<String> VIEWS =
      List.of("rgb", "ch1", "ch2", "ch3", "zscale", "asinh", "linear");

  private final ReviewProject project;
  private final Path scratch;
  private final ThreadLocal<Preprocessor> thumbs =
      ThreadLocal.withInitial(
          () -> new Preprocessor(PreprocessConfig.paper().withOutputSize(THUMB, THUMB)));
  private final ThreadLocal<Preprocessor> paper =
      ThreadLocal.withInitial(
          () -> new Preprocessor(PreprocessConfig.paper().withOutputSize(DETAIL, DETAIL)));
  private final ThreadLocal<Preprocessor> zscale =
      ThreadLocal.withInitial(
          () ->
              new Preprocessor(
                  PreprocessConfig.paper()
                      .withChannels(
                          List.of(
                              ChannelRecipe.of(
                                  "zscale", ZScaleStage.withContrast(0.25), new MinMaxStage())))
                      .withOutputSize(DETAIL, DETAIL)));
  private final ThreadLocal<Preprocessor> linear =
      ThreadLocal.withInitial(
          () ->
              new Preprocessor(
                  PreprocessConfig.paper()
                      .withChannels(List.of(ChannelRecipe.of("linear", new MinMaxStage())))
                      .withOutputSize(DETAIL, DETAIL)));
  private final Map<String, byte[]> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  /**
   * @param project the frames
   * @param scratch a folder for the PNG writer's temporary files
   */
  public FrameImages(ReviewProject project, Path scratch) {
    this.project = project;
    this.scratch = scratch;
  }

  /**
   * The PNG of one view of a row.
   *
   * @param view one of {@link #VIEWS}
   * @throws IllegalArgumentException for an unknown view
   */
  public byte[] png(int row, String view) {
    if (!VIEWS.contains(view)) {
      throw new IllegalArgumentException("unknown view '" + view + "', use one of " + VIEWS);
    }
    String key = row + "/" + view;
    synchronized (cache) {
      byte[] hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    byte[] png = draw(project.pixels(row), view);
    synchronized (cache) {
      cache.put(key, png);
    }
    return png;
  }

  private byte[] draw(Plane frame, String view) {
    return switch (view) {
      case "rgb" -> rgb(frame);
      case "ch1" -> channel(frame, 0);
      case "ch2" -> channel(frame, 1);
      case "ch3" -> channel(frame, 2);
      case "zscale" -> gray(run(zscale.get(), frame, 1), DETAIL, false);
      case "asinh" -> gray(run(linear.get(), frame, 1), DETAIL, true);
      case "linear" -> gray(run(linear.get(), frame, 1), DETAIL, false);
      default -> throw new IllegalArgumentException("unknown view " + view);
    };
  }

  private byte[] rgb(Plane frame) {
    float[] cube = run(thumbs.get(), frame, 3);
    return write(target -> PngWriter.writeRgb(target, cube, THUMB, THUMB));
  }

  private byte[] channel(Plane frame, int c) {
    float[] cube = run(paper.get(), frame, 3);
    int n = DETAIL * DETAIL;
    float[] one = new float[n];
    System.arraycopy(cube, c * n, one, 0, n);
    return gray(one, DETAIL, false);
  }

  private byte[] gray(float[] values, int side, boolean asinh) {
    if (asinh) {
      double k = 10;
      double norm = asinh(k);
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (asinh(k * values[i]) / norm);
      }
    }
    Plane plane = new Plane(side, side, values);
    return write(target -> PngWriter.writeGray(target, plane, 0, 1));
  }

  private static float[] run(Preprocessor p, Plane frame, int channels) {
    int side = p.config().outputWidth();
    float[] out = new float[channels * side * p.config().outputHeight()];
    try {
      p.processInto(frame, out, 0);
    } catch (TooManyInvalidPixelsException e) {
      java.util.Arrays.fill(out, 0.5f);
    }
    return out;
  }

  private interface Writer {
    void write(Path target);
  }

  private byte[] write(Writer w) {
    try {
      Files.createDirectories(scratch);
      Path target =
          scratch.resolve(
              String.format(
                  Locale.ROOT,
                  "img-%d-%d.png",
                  Thread.currentThread().threadId(),
                  System.nanoTime()));
      try {
        w.write(target);
        return Files.readAllBytes(target);
      } finally {
        Files.deleteIfExists(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw a PNG in " + scratch, e);
    }
  }

  private static double asinh(double x) {
    return Math.log(x + Math.sqrt(x * x + 1));
  }
}
