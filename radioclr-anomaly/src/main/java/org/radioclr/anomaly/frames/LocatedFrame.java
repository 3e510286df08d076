package org.radioclr.anomaly.frames;

import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;

/**
 * Where a frame's pixels are: a {@code width x height} window with 0-based origin {@code (x0, y0)}
 * in the image of {@code file} (the frame's own FITS file with origin (0, 0), or the survey map),
 * whose celestial WCS is {@code wcs} (null when the file has none; {@code wcsProblem} then says
 * why).
 */
public record LocatedFrame(
    Path file, Wcs wcs, String wcsProblem, int x0, int y0, int width, int height) {

  public LocatedFrame {
    Objects.requireNonNull(file, "file");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("frame size must be >= 1, got " + width + "x" + height);
    }
  }

  /**
   * The sky positions of the frame's four outer corners (pixel edges: 0-based pixel centres minus
   * and plus half a pixel), counter-clockwise in pixel space from the bottom left: {@code (x0-0.5,
   * y0-0.5)}, {@code (x0+w-0.5, y0-0.5)}, {@code (x0+w-0.5, y0+h-0.5)}, {@code (x0-0.5, y0+h-0.5)},
   * in {@code frame}.
   *
   * @throws BadInputException naming the file when it has no usable celestial WCS or a corner lies
   *     outside the projection
   */
  public SkyCoord[] corners(CelestialFrame frame) {
    double[][] px = {
      {x0 - 0.5, y0 - 0.5},
      {x0 + width - 0.5, y0 - 0.5},
      {x0 + width - 0.5, y0 + height - 0.5},
      {x0 - 0.5, y0 + height - 0.5}
    };
    SkyCoord[] out = new SkyCoord[4];
    for (int i = 0; i < 4; i++) {
      out[i] = sky(px[i][0], px[i][1]).to(frame);
    }
    return out;
  }

  /**
   * The sky position of the frame centre, {@code (x0 + (w-1)/2, y0 + (h-1)/2)}, in {@code frame}.
   */
  public SkyCoord centre(CelestialFrame frame) {
    return sky(x0 + (width - 1) / 2.0, y0 + (height - 1) / 2.0).to(frame);
  }

  private SkyCoord sky(double x, double y) {
    if (wcs == null) {
      throw new BadInputException(file, "no celestial WCS: " + wcsProblem);
    }
    SkyCoord c = wcs.pixelToSky(x, y);
    if (!c.isValid()) {
      throw new BadInputException(
          file, "pixel (" + x + ", " + y + ") of the frame lies outside the WCS projection");
    }
    return c;
  }
}
