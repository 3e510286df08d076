package org.radioclr.core.augment;

import java.util.Objects;
import org.radioclr.core.preprocess.Cube;

/**
 * The working image of one view while the augmentations run: a {@code [C][H][W]} float array
 * ({@code data[(c * height + y) * width + x]}, values in [0, 1]) plus scratch memory of the same
 * size, all reused from view to view so a data pipeline allocates nothing per view in steady state.
 * The steps rewrite {@link #data()} in place, or write {@link #scratch()} and {@link #swap()}.
 *
 * <p>Not thread-safe: one view per worker thread. The buffers grow to the largest shape loaded.
 */
public final class AugmentView {
  private int channels;
  private int height;
  private int width;
  private float[] data = new float[0];
  private float[] scratch = new float[0];
  private float[] values = new float[0];
  private double[] selection = new double[0];

  /** An empty view; {@link #load} sets its shape and pixels. */
  public AugmentView() {}

  /** Copies {@code cube} into this view, which takes its shape. */
  public void load(Cube cube) {
    Objects.requireNonNull(cube, "cube");
    load(cube.data(), 0, cube.channels(), cube.height(), cube.width());
  }

  /**
   * Copies a {@code [channels][height][width]} image from {@code src[offset ..]} into this view,
   * which takes that shape.
   */
  public void load(float[] src, int offset, int channels, int height, int width) {
    Objects.requireNonNull(src, "src");
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "view shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    int size = Math.multiplyExact(Math.multiplyExact(channels, height), width);
    Objects.checkFromIndexSize(offset, size, src.length);
    if (data.length < size) {
      data = new float[size];
      scratch = new float[size];
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    System.arraycopy(src, offset, data, 0, size);
  }

  /** Number of channels. */
  public int channels() {
    return channels;
  }

  /** Height in pixels (rows). */
  public int height() {
    return height;
  }

  /** Width in pixels (columns). */
  public int width() {
    return width;
  }

  /** {@code height * width}, the length of one channel. */
  public int planeSize() {
    return height * width;
  }

  /** {@code channels * height * width}, the number of values in use. */
  public int size() {
    return channels * height * width;
  }

  /**
   * The current pixels, {@code [C][H][W]} in the first {@link #size()} elements (the array may be
   * longer).
   */
  public float[] data() {
    return data;
  }

  /** Scratch memory with at least {@link #size()} elements; its content is undefined. */
  public float[] scratch() {
    return scratch;
  }

  /** Exchanges the data and scratch arrays: what a step wrote into the scratch becomes the view. */
  public void swap() {
    float[] t = data;
    data = scratch;
    scratch = t;
  }

  /** Scratch floats for one channel's values (at least {@link #planeSize()}), undefined content. */
  float[] values() {
    int n = planeSize();
    if (values.length < n) {
      values = new float[n];
    }
    return values;
  }

  /**
   * Scratch doubles for one channel's values (at least {@link #planeSize()}), undefined content:
   * the working array of a {@link org.radioclr.core.preprocess.Quickselect} selection.
   */
  double[] selection() {
    int n = planeSize();
    if (selection.length < n) {
      selection = new double[n];
    }
    return selection;
  }

  /** Copies the view's pixels into {@code out[offset ..]} ({@link #size()} floats). */
  public void copyTo(float[] out, int offset) {
    Objects.checkFromIndexSize(offset, size(), out.length);
    System.arraycopy(data, 0, out, offset, size());
  }

  /** A new cube holding a copy of the view's pixels. */
  public Cube toCube() {
    if (channels == 0) {
      throw new IllegalStateException("nothing loaded into the view");
    }
    float[] out = new float[size()];
    copyTo(out, 0);
    return new Cube(channels, height, width, out);
  }
}
