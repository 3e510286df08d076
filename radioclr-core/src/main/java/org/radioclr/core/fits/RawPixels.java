package org.radioclr.core.fits;

/**
 * Converts raw FITS pixel values (one plane, as the 1-D primitive array nom-tam returns) to float32
 * physical values: {@code value = BZERO + BSCALE * raw}, with integer pixels equal to {@code BLANK}
 * turned into NaN (FITS 4.0 standard, section 5.3). BITPIX 8 is unsigned.
 */
final class RawPixels {
  private RawPixels() {}

  /**
   * @param raw {@code byte[]}, {@code short[]}, {@code int[]}, {@code long[]}, {@code float[]} or
   *     {@code double[]}; a {@code float[]} with identity scaling is returned as is
   * @param blank the BLANK value, used only when {@code hasBlank} and the data are integers
   */
  static float[] toFloat(Object raw, double bscale, double bzero, boolean hasBlank, long blank) {
    boolean identity = bscale == 1.0 && bzero == 0.0;
    return switch (raw) {
      case float[] f -> identity ? f : scale(f, bscale, bzero);
      case double[] d -> scale(d, bscale, bzero);
      case byte[] b -> scale(b, bscale, bzero, hasBlank, blank);
      case short[] s -> scale(s, bscale, bzero, hasBlank, blank);
      case int[] i -> scale(i, bscale, bzero, hasBlank, blank);
      case long[] l -> scale(l, bscale, bzero, hasBlank, blank);
      default ->
          throw new IllegalArgumentException(
              "unsupported pixel array " + raw.getClass().getSimpleName());
    };
  }

  private static float[] scale(float[] raw, double bscale, double bzero) {
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = (float) (bzero + bscale * raw[i]);
    }
    return out;
  }

  private static float[] scale(double[] raw, double bscale, double bzero) {
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = (float) (bzero + bscale * raw[i]);
    }
    return out;
  }

  private static float[] scale(
      byte[] raw, double bscale, double bzero, boolean hasBlank, long blank) {
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      int v = raw[i] & 0xFF;
      out[i] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * v);
    }
    return out;
  }

  private static float[] scale(
      short[] raw, double bscale, double bzero, boolean hasBlank, long blank) {
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      short v = raw[i];
      out[i] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * v);
    }
    return out;
  }

  private static float[] scale(
      int[] raw, double bscale, double bzero, boolean hasBlank, long blank) {
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      int v = raw[i];
      out[i] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * v);
    }
    return out;
  }

  private static float[] scale(
      long[] raw, double bscale, double bzero, boolean hasBlank, long blank) {
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      long v = raw[i];
      out[i] = hasBlank && v == blank ? Float.NaN : (float) (bzero + bscale * (double) v);
    }
    return out;
  }
}
