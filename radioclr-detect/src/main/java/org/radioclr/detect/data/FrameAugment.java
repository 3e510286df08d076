package org.radioclr.detect.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.ChannelRecipe;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.MinMaxStage;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.preprocess.ZScaleStage;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;

/**
 * The network input of a frame, and the paper's augmentations for detection (§4.3): rotation (by a
 * multiple of 90°), horizontal/vertical flip, and a zscale channel whose contrast is drawn in
 * [0.25, 0.4]; for training also a random square crop of {@code crop} pixels (the network is fully
 * convolutional; crops make the steps cheaper). The same geometric transform moves the masks.
 *
 * <p>Pre-processing: the given recipe without resizing (the detector works at the image's own
 * resolution); when augmenting, the second channel's zscale contrast is drawn anew.
 */
public final class FrameAugment {
  private static final int CONTRAST_LEVELS = 4;

  private final Preprocessor plain;
  private final Preprocessor[] jittered;

  /**
   * @param preprocess the recipe (resizing is switched off)
   */
  public FrameAugment(PreprocessConfig preprocess) {
    PreprocessConfig base = preprocess.withResize(false);
    this.plain = new Preprocessor(base);
    this.jittered = new Preprocessor[CONTRAST_LEVELS];
    for (int i = 0; i < CONTRAST_LEVELS; i++) {
      double c = 0.25 + 0.15 * i / (CONTRAST_LEVELS - 1);
      List<ChannelRecipe> ch = new ArrayList<>(base.channels());
      if (ch.size() >= 2) {
        ch.set(1, ChannelRecipe.of("zscale_" + c, ZScaleStage.withContrast(c), new MinMaxStage()));
      }
      jittered[i] = new Preprocessor(base.withChannels(ch));
    }
  }

  /** Channels of the network input. */
  public int channels() {
    return plain.config().channelCount();
  }

  /** The network input of a whole image, without augmentation. */
  public Cube input(Plane image) {
    return plain.process(image);
  }

  /**
   * An augmented sample.
   *
   * @param input the cube, {@code [C][side][side]}
   * @param truth the objects with a pixel in the crop, moved
   */
  public record Sample(Cube input, List<Instance> truth) {}

  /** A random crop of {@code crop} pixels (the whole image when smaller), rotated and flipped. */
  public Sample sample(Frame frame, int crop, SplittableRandom random) {
    Plane img = frame.image();
    Cube cube = jittered[random.nextInt(CONTRAST_LEVELS)].process(img);
    int w = img.width();
    int h = img.height();
    int s = Math.min(crop, Math.min(w, h));
    int x0 = random.nextInt(w - s + 1);
    int y0 = random.nextInt(h - s + 1);
    int rot = random.nextInt(4);
    boolean flip = random.nextBoolean();
    int c = cube.channels();
    float[] out = new float[c * s * s];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        int dst = move(x, y, s, rot, flip);
        int src = (y0 + y) * w + x0 + x;
        for (int k = 0; k < c; k++) {
          out[k * s * s + dst] = cube.data()[k * w * h + src];
        }
      }
    }
    List<Instance> moved = new ArrayList<>();
    for (Instance t : frame.truth()) {
      int[] idx = t.pixels().indices();
      int[] dst = new int[idx.length];
      int n = 0;
      for (int i : idx) {
        int x = i % w - x0;
        int y = i / w - y0;
        if (x >= 0 && y >= 0 && x < s && y < s) {
          dst[n++] = move(x, y, s, rot, flip);
        }
      }
      if (n > 0) {
        moved.add(
            new Instance(
                PixelSet.of(s, s, java.util.Arrays.copyOf(dst, n)), t.detectionClass(), t.score()));
      }
    }
    return new Sample(new Cube(c, s, s, out), moved);
  }

  /**
   * The index in the {@code s × s} output of crop pixel (x, y): flip x, then rotate by 90° rot
   * times.
   */
  static int move(int x, int y, int s, int rot, boolean flip) {
    if (flip) {
      x = s - 1 - x;
    }
    for (int r = 0; r < rot; r++) {
      int t = x;
      x = s - 1 - y;
      y = t;
    }
    return y * s + x;
  }
}
