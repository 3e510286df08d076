package org.radioclr.core.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import org.radioclr.core.image.Plane;

/**
 * Test helpers: FITS images read with nom-tam-fits directly (float32 2-D only; stands in for the
 * project's FitsReader until it lands) and the committed reference data under {@code
 * src/test/resources/preprocess/}.
 */
final class TestImages {
  private TestImages() {}

  /** A float32 2-D FITS primary image as a plane (row 0 = first FITS row). */
  static Plane readFits(Path file) {
    try (Fits fits = new Fits(file.toFile())) {
      BasicHDU<?> hdu = fits.getHDU(0);
      if (!(hdu.getKernel() instanceof float[][] rows)) {
        throw new IllegalArgumentException(file + ": not a float32 2-D image");
      }
      int h = rows.length;
      int w = rows[0].length;
      float[] data = new float[w * h];
      for (int y = 0; y < h; y++) {
        System.arraycopy(rows[y], 0, data, y * w, w);
      }
      return new Plane(w, h, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FitsException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** The {@code width x height} frame of {@code p} whose first pixel is {@code (x0, y0)}. */
  static Plane frame(Plane p, int x0, int y0, int width, int height) {
    float[] data = new float[width * height];
    for (int y = 0; y < height; y++) {
      System.arraycopy(p.data(), (y0 + y) * p.width() + x0, data, y * width, width);
    }
    return new Plane(width, height, data);
  }

  /** A committed resource file of this package's reference data, as a path. */
  static Path resource(String name) {
    try {
      return Path.of(TestImages.class.getResource("/preprocess/" + name).toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource preprocess/" + name, e);
    }
  }

  /** A committed JSON resource. */
  static JsonNode json(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("/preprocess/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource preprocess/" + name);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A committed little-endian float32 resource. */
  static float[] f32(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("/preprocess/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource preprocess/" + name);
      }
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      float[] out = new float[b.remaining() / 4];
      b.asFloatBuffer().get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }

  /** Valid pixels (finite, not 0) of a plane in row-major order, as doubles. */
  static double[] validValues(Plane p) {
    return java.util.Arrays.stream(toDoubles(p.data()))
        .filter(v -> Double.isFinite(v) && v != 0)
        .toArray();
  }

  static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Tolerance for limits: 1e-5 relative to the larger magnitude of the pair. */
  static double limitTolerance(double lo, double hi) {
    return 1e-5 * Math.max(Math.abs(lo), Math.abs(hi)) + 1e-12;
  }
}
