package org.radioclr.core.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.image.ContactSheet;
import org.radioclr.core.preprocess.Cube;

/**
 * Augmented views of one pre-processed cube, for looking at what the network is trained on (the
 * logic of {@code radioclr augment-preview}). View {@code k} (from 0) is drawn from {@link
 * ViewRandom#of ViewRandom.of(seed, 0, 0, k)}, so a preview is reproducible from its seed.
 */
public final class AugmentPreview {
  private AugmentPreview() {}

  /**
   * {@code n} augmented views of {@code original} ({@code [C][H][W]}, values in [0, 1]).
   *
   * @throws IllegalArgumentException if {@code n < 1} or a step cannot handle the cube's shape
   */
  public static List<Cube> views(Cube original, AugmentationPipeline pipeline, int n, long seed) {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(pipeline, "pipeline");
    if (n < 1) {
      throw new IllegalArgumentException("number of views must be >= 1, got " + n);
    }
    pipeline.checkShape(original.channels(), original.height(), original.width());
    List<Cube> out = new ArrayList<>(n);
    AugmentView work = new AugmentView();
    for (int k = 0; k < n; k++) {
      work.load(original);
      pipeline.apply(work, ViewRandom.of(seed, 0, 0, k));
      out.add(work.toCube());
    }
    return out;
  }

  /**
   * Writes a PNG contact sheet ({@link ContactSheet}): the original first, then {@code n} views,
   * {@code ceil(sqrt(n + 1))} tiles per row (3 x 3 for 8 views), written atomically.
   *
   * @throws IllegalArgumentException if the cube does not have 3 channels, {@code n < 1} or a step
   *     cannot handle the cube's shape
   */
  public static void write(
      Path png, Cube original, AugmentationPipeline pipeline, int n, long seed) {
    Objects.requireNonNull(png, "png");
    if (original.channels() != 3) {
      throw new IllegalArgumentException(
          "a preview needs a 3-channel cube, got "
              + original.channels()
              + "x"
              + original.height()
              + "x"
              + original.width());
    }
    List<float[]> tiles = new ArrayList<>(n + 1);
    tiles.add(original.data());
    for (Cube v : views(original, pipeline, n, seed)) {
      tiles.add(v.data());
    }
    int columns = (int) Math.ceil(Math.sqrt(n + 1));
    ContactSheet.write(png, tiles, original.width(), original.height(), columns);
  }
}
