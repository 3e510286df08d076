package org.radioclr.anomaly.export;

import java.util.Objects;
import org.radioclr.core.wcs.SkyCoord;

/**
 * One exported candidate.
 *
 * @param rank 1 = highest score
 * @param sname frame name
 * @param score anomaly score in [0, 1]
 * @param outlier the scorer's outlier flag
 * @param label the frame's labels as written ({@code "A;B"}), {@code ""} when unlabelled
 * @param centre ICRS position of the frame centre (degrees)
 * @param corners the four outer corners in FK5 J2000 (see {@link
 *     org.radioclr.anomaly.frames.LocatedFrame#corners})
 * @param file the FITS file the frame is in (its own file, or the survey map)
 * @param x0 0-based frame origin in {@code file}
 * @param y0 0-based frame origin in {@code file}
 * @param width frame width in pixels
 * @param height frame height in pixels
 */
public record Candidate(
    int rank,
    String sname,
    double score,
    boolean outlier,
    String label,
    SkyCoord centre,
    SkyCoord[] corners,
    String file,
    int x0,
    int y0,
    int width,
    int height) {

  public Candidate {
    Objects.requireNonNull(sname, "sname");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(centre, "centre");
    Objects.requireNonNull(file, "file");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    if (corners.length != 4) {
      throw new IllegalArgumentException("a frame has 4 corners, got " + corners.length);
    }
    corners = corners.clone();
  }

  @Override
  public SkyCoord[] corners() {
    return corners.clone();
  }
}
