package org.radioclr.core.preprocess;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;

/**
 * Runs a {@link PreprocessConfig} on one image: finds the valid pixels (finite and not exactly 0),
 * rejects the image if too many are invalid, runs each channel's stages on the valid pixels, writes
 * 0 at invalid pixels, resizes each channel ({@link BilinearResize}) and stacks the channels into a
 * {@code [C][H][W]} {@link Cube} with values in [0, 1] (for recipes ending in min-max).
 *
 * <p>Thread-safety: a preprocessor owns its scratch buffers and is <b>not</b> thread-safe; use one
 * per thread (they are cheap; buffers grow to the largest image seen). The configuration is
 * immutable and may be shared. The input plane is never modified.
 */
public final class Preprocessor {
  private final PreprocessConfig config;
  private final ChannelStage[][] stages;
  private final Workspace workspace = new Workspace();

  public Preprocessor(PreprocessConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    List<ChannelRecipe> channels = config.channels();
    stages = new ChannelStage[channels.size()][];
    for (int c = 0; c < stages.length; c++) {
      stages[c] = channels.get(c).stages().toArray(new ChannelStage[0]);
    }
  }

  public PreprocessConfig config() {
    return config;
  }

  /** Output width for an input of the given width. */
  public int outputWidth(int inputWidth) {
    return config.resize() ? config.outputWidth() : inputWidth;
  }

  /** Output height for an input of the given height. */
  public int outputHeight(int inputHeight) {
    return config.resize() ? config.outputHeight() : inputHeight;
  }

  /**
   * Pre-processes one image into a new cube.
   *
   * @throws TooManyInvalidPixelsException if the image has too many invalid pixels
   */
  public Cube process(Plane input) {
    int w = outputWidth(input.width());
    int h = outputHeight(input.height());
    float[] out = new float[Math.multiplyExact(Math.multiplyExact(stages.length, w), h)];
    processInto(input, out, 0);
    return new Cube(stages.length, h, w, out);
  }

  /**
   * Pre-processes an image read from {@code file}.
   *
   * @throws BadInputException naming the file if the image has too many invalid pixels
   */
  public Cube process(Plane input, Path file) {
    try {
      return process(input);
    } catch (TooManyInvalidPixelsException e) {
      throw new BadInputException(file, e.getMessage(), e);
    }
  }

  /**
   * Pre-processes one image into {@code out[offset ..]}, {@code C * outH * outW} floats in {@code
   * [C][H][W]} order (for filling a batch array without copies).
   *
   * @throws TooManyInvalidPixelsException if the image has too many invalid pixels
   */
  public void processInto(Plane input, float[] out, int offset) {
    int inW = input.width();
    int inH = input.height();
    int size = inW * inH;
    int outW = outputWidth(inW);
    int outH = outputHeight(inH);
    int outSize = outW * outH;
    Objects.checkFromIndexSize(offset, stages.length * outSize, out.length);

    float[] data = input.data();
    double[] values = workspace.values(size);
    boolean[] mask = workspace.mask(size);
    int n = 0;
    for (int p = 0; p < size; p++) {
      float v = data[p];
      boolean valid = Pixels.isValid(v);
      mask[p] = valid;
      if (valid) {
        values[n++] = v;
      }
    }
    double invalidFraction = (double) (size - n) / size;
    if (n == 0 || invalidFraction > config.maxInvalidFraction()) {
      throw new TooManyInvalidPixelsException(invalidFraction, config.maxInvalidFraction());
    }

    boolean resample = outW != inW || outH != inH;
    double[] channel = workspace.channel(n);
    for (int c = 0; c < stages.length; c++) {
      System.arraycopy(values, 0, channel, 0, n);
      for (ChannelStage stage : stages[c]) {
        stage.apply(channel, n, workspace);
      }
      float[] target = resample ? workspace.plane(size) : out;
      int base = resample ? 0 : offset + c * outSize;
      if (n == size) {
        for (int p = 0; p < size; p++) {
          target[base + p] = (float) channel[p];
        }
      } else {
        int j = 0;
        for (int p = 0; p < size; p++) {
          target[base + p] = mask[p] ? (float) channel[j++] : 0f;
        }
      }
      if (resample) {
        BilinearResize.resize(target, inW, inH, out, offset + c * outSize, outW, outH, workspace);
      }
    }
  }
}
