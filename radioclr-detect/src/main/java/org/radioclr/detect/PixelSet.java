package org.radioclr.detect;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import org.radioclr.formats.mask.PixelBox;

/**
 * A non-empty set of pixels of a {@code width × height} image, held as sorted raster indices
 * ({@code y * width + x}): the sparse form of an instance mask, so that an image with many small
 * objects costs their pixels, not a full mask each.
 */
public final class PixelSet {
  private final int width;
  private final int height;
  private final int[] indices;
  private BitSet bits;

  private PixelSet(int width, int height, int[] indices) {
    this.width = width;
    this.height = height;
    this.indices = indices;
  }

  /**
   * The set of the given indices (any order, duplicates removed).
   *
   * @throws IllegalArgumentException when it is empty or an index lies outside the image
   */
  public static PixelSet of(int width, int height, int... indices) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image must be at least 1x1, got " + width + "x" + height);
    }
    int[] s = Arrays.stream(indices).sorted().distinct().toArray();
    if (s.length == 0) {
      throw new IllegalArgumentException("a pixel set needs at least one pixel");
    }
    if (s[0] < 0 || s[s.length - 1] >= (long) width * height) {
      throw new IllegalArgumentException(
          "pixel index outside the " + width + "x" + height + " image");
    }
    return new PixelSet(width, height, s);
  }

  /** The non-zero pixels of a {@code byte[height * width]} mask, empty when there are none. */
  public static Optional<PixelSet> fromMask(byte[] mask, int width, int height) {
    if ((long) width * height != mask.length) {
      throw new IllegalArgumentException(
          "mask of " + mask.length + " pixels is not " + width + "x" + height);
    }
    int n = 0;
    for (byte b : mask) {
      if (b != 0) {
        n++;
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    int[] idx = new int[n];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] != 0) {
        idx[k++] = i;
      }
    }
    return Optional.of(new PixelSet(width, height, idx));
  }

  /** The pixels labelled {@code label} in a label image, empty when there are none. */
  public static Optional<PixelSet> fromLabels(int[] labels, int width, int height, int label) {
    int n = 0;
    for (int l : labels) {
      if (l == label) {
        n++;
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    int[] idx = new int[n];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == label) {
        idx[k++] = i;
      }
    }
    return Optional.of(new PixelSet(width, height, idx));
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Number of pixels. */
  public int size() {
    return indices.length;
  }

  /** The sorted raster indices (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  /** Whether pixel {@code index} is in the set. */
  public boolean contains(int index) {
    return Arrays.binarySearch(indices, index) >= 0;
  }

  /** The set as a {@code byte[height * width]} mask, 1 inside. */
  public byte[] toMask() {
    byte[] m = new byte[width * height];
    for (int i : indices) {
      m[i] = 1;
    }
    return m;
  }

  /** The tight inclusive box. */
  public PixelBox bounds() {
    int xmin = Integer.MAX_VALUE;
    int xmax = -1;
    for (int i : indices) {
      int x = i % width;
      xmin = Math.min(xmin, x);
      xmax = Math.max(xmax, x);
    }
    return new PixelBox(xmin, indices[0] / width, xmax, indices[indices.length - 1] / width);
  }

  /** Number of 8-connected islands ({@link org.radioclr.formats.mask.Masks#islands}). */
  public int islands() {
    PixelBox b = bounds();
    int w = b.width();
    byte[] m = new byte[w * b.height()];
    for (int i : indices) {
      m[(i / width - b.y0()) * w + i % width - b.x0()] = 1;
    }
    return org.radioclr.formats.mask.Masks.islands(m, w, b.height());
  }

  /** Number of pixels in both sets. */
  public int intersection(PixelSet other) {
    checkSameImage(other);
    int i = 0;
    int j = 0;
    int n = 0;
    int[] a = indices;
    int[] b = other.indices;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  /** Intersection over union of the two masks ({@code sklearn}'s binary Jaccard score). */
  public double iou(PixelSet other) {
    int inter = intersection(other);
    return inter / (double) (indices.length + other.indices.length - inter);
  }

  /** The union of the two sets. */
  public PixelSet union(PixelSet other) {
    checkSameImage(other);
    int[] a = indices;
    int[] b = other.indices;
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        out[n++] = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        out[n++] = b[j++];
      } else {
        out[n++] = a[i++];
        j++;
      }
    }
    return new PixelSet(width, height, Arrays.copyOf(out, n));
  }

  /**
   * Whether the union of the two masks has fewer 4-connected components than the two masks apart
   * (caesar-mrcnn's {@code are_mask_connected}): they share a pixel or one touches the other along
   * a side.
   */
  public boolean connected(PixelSet other) {
    checkSameImage(other);
    BitSet b = other.bits();
    for (int p : indices) {
      int x = p % width;
      if (b.get(p)
          || (x > 0 && b.get(p - 1))
          || (x < width - 1 && b.get(p + 1))
          || (p >= width && b.get(p - width))
          || (p + width < width * height && b.get(p + width))) {
        return true;
      }
    }
    return false;
  }

  private BitSet bits() {
    if (bits == null) {
      BitSet s = new BitSet(width * height);
      for (int i : indices) {
        s.set(i);
      }
      bits = s;
    }
    return bits;
  }

  private void checkSameImage(PixelSet other) {
    if (other.width != width || other.height != height) {
      throw new IllegalArgumentException(
          "masks of different images: "
              + width
              + "x"
              + height
              + " and "
              + other.width
              + "x"
              + other.height);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PixelSet p
        && p.width == width
        && p.height == height
        && Arrays.equals(p.indices, indices);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(indices);
  }

  @Override
  public String toString() {
    return "PixelSet[" + width + "x" + height + ", " + indices.length + " px]";
  }
}
