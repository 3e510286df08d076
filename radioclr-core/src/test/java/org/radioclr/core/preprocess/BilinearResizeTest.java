package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;

class BilinearResizeTest {

  @Test
  void matchesPillowBilinearOnFloatImages() {
    JsonNode ref = TestImages.json("resize.json");
    Plane in =
        new Plane(
            ref.get("width").asInt(),
            ref.get("height").asInt(),
            TestImages.floats(ref.get("input")));
    int cases = 0;
    for (JsonNode c : ref.get("cases")) {
      int w = c.get("width").asInt();
      int h = c.get("height").asInt();
      float[] expected = TestImages.floats(c.get("data"));
      Plane out = BilinearResize.resize(in, w, h);
      assertEquals(w, out.width());
      assertEquals(h, out.height());
      assertArrayEquals(expected, out.data(), 1e-6f, "resize to " + w + "x" + h);
      cases++;
    }
    assertEquals(7, cases);
  }

  @Test
  void sameSizeIsTheIdentity() {
    SplittableRandom rnd = new SplittableRandom(3);
    float[] data = new float[30 * 20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) rnd.nextGaussian();
    }
    Plane in = new Plane(30, 20, data);
    Plane out = BilinearResize.resize(in, 30, 20);
    assertNotSame(in.data(), out.data());
    assertArrayEquals(in.data(), out.data(), 0f);
  }

  @Test
  void enlargingInterpolatesLinearly() {
    // 2 -> 4 pixels: centres at 0.25, 0.75, 1.25, 1.75 in input pixel units (edge clamped).
    Plane out = BilinearResize.resize(new Plane(2, 1, new float[] {0, 4}), 4, 1);
    assertArrayEquals(new float[] {0, 1, 3, 4}, out.data(), 1e-6f);
  }

  @Test
  void shrinkingIsAntialiased() {
    int n = 64;
    int m = 21; // shrink by about 3.05
    float[] checker = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        checker[y * n + x] = (x + y) % 2;
      }
    }
    Plane out = BilinearResize.resize(new Plane(n, n, checker), m, m);
    double worst = 0;
    double worstNaive = 0;
    for (int y = 1; y < m - 1; y++) {
      for (int x = 1; x < m - 1; x++) {
        worst = Math.max(worst, Math.abs(out.get(x, y) - 0.5));
        worstNaive = Math.max(worstNaive, Math.abs(naiveBilinear(checker, n, m, x, y) - 0.5));
      }
    }
    assertTrue(worst < 0.1, "antialiased checkerboard stays near grey, worst " + worst);
    assertTrue(worstNaive > 0.2, "a plain 2-tap bilinear would alias, worst " + worstNaive);
  }

  private static double naiveBilinear(float[] img, int n, int m, int xx, int yy) {
    double s = (double) n / m;
    double cx = (xx + 0.5) * s - 0.5;
    double cy = (yy + 0.5) * s - 0.5;
    int x0 = (int) Math.floor(cx);
    int y0 = (int) Math.floor(cy);
    double fx = cx - x0;
    double fy = cy - y0;
    return (1 - fx) * (1 - fy) * img[y0 * n + x0]
        + fx * (1 - fy) * img[y0 * n + x0 + 1]
        + (1 - fx) * fy * img[(y0 + 1) * n + x0]
        + fx * fy * img[(y0 + 1) * n + x0 + 1];
  }

  @Test
  void constantImageStaysConstant() {
    float[] data = new float[17 * 13];
    java.util.Arrays.fill(data, 0.75f);
    for (int[] size : new int[][] {{5, 4}, {40, 31}, {17, 50}}) {
      Plane out = BilinearResize.resize(new Plane(17, 13, data), size[0], size[1]);
      for (float v : out.data()) {
        assertEquals(0.75f, v, 1e-6f);
      }
    }
  }

  /** Pillow's two passes written out plainly (per output, its taps in order, summed in double). */
  private static float[] pillow(float[] in, int w, int h, int ow, int oh) {
    float[] tmp = in;
    int tw = w;
    if (ow != w) {
      BilinearResize.Coefficients c = BilinearResize.Coefficients.of(w, ow);
      tmp = new float[ow * h];
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < ow; xx++) {
          double ss = 0.0;
          for (int x = 0; x < c.bounds[2 * xx + 1]; x++) {
            ss += in[y * w + c.bounds[2 * xx] + x] * c.kk[xx * c.ksize + x];
          }
          tmp[y * ow + xx] = (float) ss;
        }
      }
      tw = ow;
    }
    if (oh == h) {
      return tmp;
    }
    BilinearResize.Coefficients c = BilinearResize.Coefficients.of(h, oh);
    float[] out = new float[tw * oh];
    for (int yy = 0; yy < oh; yy++) {
      for (int x = 0; x < tw; x++) {
        double ss = 0.0;
        for (int y = 0; y < c.bounds[2 * yy + 1]; y++) {
          ss += tmp[(c.bounds[2 * yy] + y) * tw + x] * c.kk[yy * c.ksize + y];
        }
        out[yy * tw + x] = (float) ss;
      }
    }
    return out;
  }

  @Test
  void paddedTapsGiveExactlyPillowsSums() {
    SplittableRandom rnd = new SplittableRandom(8);
    int[][] sizes = {{256, 256, 224, 224}, {50, 40, 17, 33}, {9, 7, 30, 5}, {31, 31, 10, 31}};
    for (int[] s : sizes) {
      float[] data = new float[s[0] * s[1]];
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) (rnd.nextGaussian() * (rnd.nextInt(9) == 0 ? 1e4 : 1));
      }
      Plane out = BilinearResize.resize(new Plane(s[0], s[1], data), s[2], s[3]);
      assertArrayEquals(pillow(data, s[0], s[1], s[2], s[3]), out.data(), 0f, "size " + s[2]);
    }
  }

  @Test
  void aNonFiniteInputSpoilsOnlyTheOutputsWhoseTapsReachIt() {
    float[] data = new float[40 * 40];
    java.util.Arrays.fill(data, 1f);
    data[20 * 40 + 20] = Float.POSITIVE_INFINITY;
    Plane out = BilinearResize.resize(new Plane(40, 40, data), 35, 35);
    float[] expected = pillow(data, 40, 40, 35, 35);
    assertArrayEquals(expected, out.data(), 0f);
    int nonFinite = 0;
    for (float v : out.data()) {
      nonFinite += Float.isFinite(v) ? 0 : 1;
    }
    assertTrue(nonFinite > 0 && nonFinite < 16, "a few outputs, got " + nonFinite);
    assertTrue(!BilinearResize.allFinite(data, data.length));
    assertTrue(!BilinearResize.allFinite(new float[] {1, Float.NaN}, 2));
    assertTrue(BilinearResize.allFinite(new float[] {-Float.MAX_VALUE, 0, Float.MIN_VALUE}, 3));
  }

  @Test
  void rejectsBadSize() {
    Plane p = Plane.zeros(4, 4);
    assertThrows(IllegalArgumentException.class, () -> BilinearResize.resize(p, 0, 3));
  }
}
