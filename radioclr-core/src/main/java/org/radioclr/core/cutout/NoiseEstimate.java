package org.radioclr.core.cutout;

import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.SigmaClipStage;
import org.radioclr.core.preprocess.Workspace;

/**
 * Robust noise rms of an image: the standard deviation of its valid pixels after 3-sigma clipping
 * (5 iterations), as astropy's {@code sigma_clipped_stats(data, sigma=3)} gives it. Sources
 * brighter than the clip level do not inflate it.
 */
public final class NoiseEstimate {
  private static final SigmaClipStage CLIP = new SigmaClipStage(3, 3, 5);
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private NoiseEstimate() {}

  /** The clipped rms in the image's unit; NaN when it has no valid pixel. */
  public static double rms(Plane plane) {
    Workspace ws = WORKSPACE.get();
    double[] values = ws.values(plane.size());
    int n = 0;
    for (float v : plane.data()) {
      if (Pixels.isValid(v)) {
        values[n++] = v;
      }
    }
    return n == 0 ? Double.NaN : CLIP.clip(values, n, ws).std();
  }
}
