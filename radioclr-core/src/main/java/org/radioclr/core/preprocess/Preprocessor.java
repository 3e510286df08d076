package org.radioclr.core.preprocess;

import java.nio.file.Path;
import java.util.Arrays;
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
 * <p>Speed: a channel whose recipe is one stretch stage (sigma clipping or zscale) with or without
 * a final min-max, or min-max alone (the paper's three), is written in one pass from the raw values
 * with exactly the arithmetic of the stages run one by one; channels with equal stretch stages, and
 * zscale stages that differ only in contrast ({@link ZScaleStage#sharesFitWith}), share one
 * computation per image. When the width changes, such a channel's rows go straight into the
 * resize's horizontal pass four at a time (sharing each output's taps), without a full-size plane
 * in between; invalid pixels are zeroed by a 0/1 weight rather than a branch. Other recipes run
 * their stages one by one on a copy of the values.
 *
 * <p>Thread-safety: a preprocessor owns its scratch buffers and is <b>not</b> thread-safe; use one
 * per thread (they are cheap; buffers grow to the largest image seen). The configuration is
 * immutable and may be shared. The input plane is never modified.
 */
public final class Preprocessor {
  private static final Interval EVERYTHING =
      new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  private final PreprocessConfig config;
  private final ChannelStage[][] stages;
  private final Workspace workspace = new Workspace();

  // Fused channels: recipes "stretch" or "stretch, min-max" or "min-max", stretch being sigma
  // clipping or zscale. Such a channel is a monotone map of the raw value, clamp to the stretch
  // interval then (v - min) / (max - min) whose min and max are the clamped raw extremes, so it is
  // written in one pass without running the stages on a copy of the values.
  private final boolean[] fused;
  private final ChannelStage[] stretch; // null: no stretch (plain min-max)
  private final boolean[] minMax;
  private final int[] sameStretchAs; // an earlier channel with an equal stretch stage, or -1
  private final int[] sameFitAs; // an earlier channel whose zscale shares the fit, or -1
  private final Interval[] intervals; // per image: each fused channel's stretch interval
  private final ZScaleStage.Fit[] fits; // per image: each zscale channel's fit

  public Preprocessor(PreprocessConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    List<ChannelRecipe> channels = config.channels();
    int count = channels.size();
    stages = new ChannelStage[count][];
    fused = new boolean[count];
    stretch = new ChannelStage[count];
    minMax = new boolean[count];
    sameStretchAs = new int[count];
    sameFitAs = new int[count];
    intervals = new Interval[count];
    fits = new ZScaleStage.Fit[count];
    for (int c = 0; c < count; c++) {
      ChannelStage[] s = channels.get(c).stages().toArray(new ChannelStage[0]);
      stages[c] = s;
      boolean endsWithMinMax = s[s.length - 1] instanceof MinMaxStage;
      ChannelStage first = s[0];
      boolean firstStretches = first instanceof SigmaClipStage || first instanceof ZScaleStage;
      fused[c] =
          (s.length == 1 && (firstStretches || endsWithMinMax))
              || (s.length == 2 && firstStretches && endsWithMinMax);
      stretch[c] = firstStretches ? first : null;
      minMax[c] = endsWithMinMax;
      sameStretchAs[c] = -1;
      sameFitAs[c] = -1;
      for (int e = 0; e < c && fused[c]; e++) {
        if (!fused[e]) {
          continue;
        }
        if (sameStretchAs[c] < 0 && Objects.equals(stretch[e], stretch[c])) {
          sameStretchAs[c] = e;
        }
        if (sameFitAs[c] < 0
            && stretch[e] instanceof ZScaleStage earlier
            && stretch[c] instanceof ZScaleStage later
            && earlier.sharesFitWith(later)) {
          sameFitAs[c] = e;
        }
      }
    }
  }

  public PreprocessConfig config() {
    return config;
  }

  /** Output width for an input of the given width (framing needs resizing, so it is not seen). */
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
  public void processInto(Plane image, float[] out, int offset) {
    Plane input = config.framing() == null ? image : config.framing().frame(image, workspace);
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
    int n;
    double min;
    double max;
    // Usually every pixel is valid: check that and find the extremes in one branch-free pass.
    float fmin = data[0];
    float fmax = data[0];
    float minAbs = Math.abs(data[0]);
    float maxAbs = minAbs;
    for (int p = 0; p < size; p++) {
      float v = data[p];
      float a = Math.abs(v);
      fmin = Math.min(fmin, v);
      fmax = Math.max(fmax, v);
      minAbs = Math.min(minAbs, a); // NaN if any is NaN
      maxAbs = Math.max(maxAbs, a);
    }
    if (minAbs > 0 && maxAbs <= Float.MAX_VALUE) { // no 0, infinity or NaN
      for (int p = 0; p < size; p++) {
        values[p] = data[p];
      }
      n = size;
      min = fmin;
      max = fmax;
    } else {
      n = 0;
      min = Double.POSITIVE_INFINITY;
      max = Double.NEGATIVE_INFINITY;
      double[] clean = workspace.clean(size);
      float[] weight = workspace.weights(size);
      for (int p = 0; p < size; p++) {
        float v = data[p];
        boolean valid = Pixels.isValid(v);
        mask[p] = valid;
        clean[p] = valid ? v : 0.0;
        weight[p] = valid ? 1f : 0f;
        if (valid) {
          values[n++] = v;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    double invalidFraction = (double) (size - n) / size;
    if (n == 0 || invalidFraction > config.maxInvalidFraction()) {
      throw new TooManyInvalidPixelsException(invalidFraction, config.maxInvalidFraction());
    }

    boolean resample = outW != inW || outH != inH;
    boolean dense = n == size;
    for (int c = 0; c < stages.length; c++) {
      int channelBase = offset + c * outSize;
      if (fused[c]) {
        Interval interval = stretchInterval(c, values, n);
        double lo = interval.lower();
        double hi = interval.upper();
        double low = 0;
        double range = 1;
        boolean finite = true;
        if (minMax[c]) {
          low = interval.clamp(min);
          range = interval.clamp(max) - low;
          if (!(range > 0)) { // a constant channel: min-max makes it 0, and so does the resize
            Arrays.fill(out, channelBase, channelBase + outSize, 0f);
            continue;
          }
        } else {
          finite = Double.isFinite(interval.clamp(min)) && Double.isFinite(interval.clamp(max));
        }
        if (outW != inW) {
          resizeRows(
              values,
              mask,
              dense,
              inW,
              inH,
              out,
              channelBase,
              outW,
              outH,
              lo,
              hi,
              low,
              range,
              minMax[c],
              finite);
          continue;
        }
        float[] target = resample ? workspace.plane(size) : out;
        int base = resample ? 0 : channelBase;
        if (minMax[c]) {
          writeNormalised(values, mask, dense, size, 0, target, base, lo, hi, low, range);
        } else {
          writeClamped(values, mask, dense, size, 0, target, base, lo, hi);
        }
        if (resample) {
          BilinearResize.resize(target, inW, inH, out, channelBase, outW, outH, finite, workspace);
        }
      } else {
        float[] target = resample ? workspace.plane(size) : out;
        int base = resample ? 0 : channelBase;
        double[] channel = workspace.channel(n);
        System.arraycopy(values, 0, channel, 0, n);
        for (ChannelStage stage : stages[c]) {
          stage.apply(channel, n, workspace);
        }
        writeClamped(
            channel, mask, dense, size, 0, target, base, EVERYTHING.lower(), EVERYTHING.upper());
        if (resample) {
          boolean finite = BilinearResize.allFinite(target, size);
          BilinearResize.resize(target, inW, inH, out, channelBase, outW, outH, finite, workspace);
        }
      }
    }
  }

  /**
   * Writes a fused channel resized to {@code outW x outH} (with a horizontal pass) into {@code
   * out[base ..]}: each input row's values (those {@link #writeNormalised} or, without {@code
   * normalise}, {@link #writeClamped} would write, as float) go straight into the resize's
   * horizontal pass, row by row, so that no full-size plane is written and read back.
   */
  private void resizeRows(
      double[] values,
      boolean[] mask,
      boolean dense,
      int inW,
      int inH,
      float[] out,
      int base,
      int outW,
      int outH,
      double lo,
      double hi,
      double low,
      double range,
      boolean normalise,
      boolean finite) {
    BilinearResize.Coefficients horizontal = workspace.horizontal(inW, outW);
    boolean vertical = outH != inH;
    float[] rows = vertical ? workspace.resizeTemp(outW * inH) : out;
    int rowsBase = vertical ? 0 : base;
    double[] block = workspace.resizeRow(BLOCK_ROWS * inW);
    float[] rowValues = workspace.plane(inW);
    float[] above = workspace.rowCheck(inW);
    double[] clean = dense ? null : workspace.clean(inW * inH);
    float[] weight = dense ? null : workspace.weights(inW * inH);
    boolean reciprocal = normalise && MinMaxRow.usable(range);
    int j = 0;
    for (int y0 = 0; y0 < inH; y0 += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, inH - y0);
      for (int r = 0; r < count; r++) {
        int p = (y0 + r) * inW;
        int at = r * inW;
        if (reciprocal) {
          double[] in = dense ? values : clean;
          MinMaxRow.scale(in, weight, p, inW, lo, hi, low, range, block, at, rowValues, above);
          continue;
        }
        if (dense) {
          if (normalise) {
            writeNormalised(values, mask, true, inW, p, rowValues, 0, lo, hi, low, range);
          } else {
            writeClamped(values, mask, true, inW, p, rowValues, 0, lo, hi);
          }
        } else if (normalise) {
          // Branch-free: an invalid pixel's clean value 0 gives a finite value, weighted by 0 to
          // (signed) 0 (as writeNormalised writes); valid values are weighted by 1.
          for (int x = 0; x < inW; x++) {
            double clamped = Math.min(Math.max(clean[p + x], lo), hi);
            rowValues[x] = (float) ((clamped - low) / range) * weight[p + x];
          }
        } else {
          for (int x = 0; x < inW; x++) {
            float v = 0f;
            if (mask[p + x]) {
              v = (float) Math.min(Math.max(values[j], lo), hi);
            }
            j += mask[p + x] ? 1 : 0;
            rowValues[x] = v;
          }
        }
        for (int x = 0; x < inW; x++) {
          block[at + x] = rowValues[x];
        }
      }
      BilinearResize.horizontalRows(
          block, count, inW, rows, rowsBase + y0 * outW, horizontal, finite);
    }
    if (vertical) {
      BilinearResize.verticalPass(
          rows, 0, outW, out, base, workspace.vertical(inH, outH), workspace);
    }
  }

  /** Rows resized together by {@link BilinearResize#horizontalRows}. */
  private static final int BLOCK_ROWS = 4;

  /** The stretch interval of fused channel {@code c}, shared with equal earlier channels. */
  private Interval stretchInterval(int c, double[] values, int n) {
    Interval interval;
    if (sameStretchAs[c] >= 0) {
      interval = intervals[sameStretchAs[c]];
    } else if (stretch[c] instanceof SigmaClipStage clip) {
      interval = clip.bounds(values, n, workspace);
    } else if (stretch[c] instanceof ZScaleStage zscale) {
      ZScaleStage.Fit fit =
          sameFitAs[c] >= 0 ? fits[sameFitAs[c]] : zscale.fit(values, n, workspace);
      fits[c] = fit;
      interval = fit.limits(zscale.contrast());
    } else {
      interval = EVERYTHING;
    }
    intervals[c] = interval;
    return interval;
  }

  /**
   * Writes {@code (clamp(v, lo, hi) - low) / range} (as {@link Interval#clamp} then {@link
   * MinMaxStage}) for every valid pixel and 0 for the others; {@code values} holds the valid pixels
   * in row-major order ({@code dense}: all pixels are valid).
   */
  private static void writeNormalised(
      double[] values,
      boolean[] mask,
      boolean dense,
      int size,
      int from,
      float[] target,
      int base,
      double lo,
      double hi,
      double low,
      double range) {
    if (dense) {
      for (int p = 0; p < size; p++) {
        target[base + p] = (float) ((Math.min(Math.max(values[from + p], lo), hi) - low) / range);
      }
    } else {
      int j = 0;
      for (int p = 0; p < size; p++) {
        target[base + p] =
            mask[p] ? (float) ((Math.min(Math.max(values[j++], lo), hi) - low) / range) : 0f;
      }
    }
  }

  /** Writes {@code clamp(v, lo, hi)} for every valid pixel and 0 for the others. */
  private static void writeClamped(
      double[] values,
      boolean[] mask,
      boolean dense,
      int size,
      int from,
      float[] target,
      int base,
      double lo,
      double hi) {
    if (dense) {
      for (int p = 0; p < size; p++) {
        target[base + p] = (float) Math.min(Math.max(values[from + p], lo), hi);
      }
    } else {
      int j = 0;
      for (int p = 0; p < size; p++) {
        target[base + p] = mask[p] ? (float) Math.min(Math.max(values[j++], lo), hi) : 0f;
      }
    }
  }
}
