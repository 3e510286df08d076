package org.radioclr.core.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.core.wcs.WcsException;

/**
 * What {@code radioclr info} reports about one map: what an astronomer checks first (shape, data
 * type, unit, projection and frame, pixel scale, beam, where it lies on the sky, how much of it is
 * blank, its noise and value range). Immutable.
 *
 * <p>A missing, broken or unsupported celestial WCS is not an error here: {@link #sky()} is empty
 * and {@link #wcsProblem()} says why, while every other field is still filled.
 *
 * @param file the file the image was read from
 * @param axes the original axis lengths {@code NAXIS1, NAXIS2, ...} (at least 2)
 * @param plane the 0-based plane that was read (file order, axis 3 fastest), or -1 when unknown
 * @param bitpix the stored data type ({@code BITPIX}: 8, 16, 32, 64, -32, -64)
 * @param unit {@code BUNIT}, trimmed; empty when absent
 * @param sky where the map lies on the sky; empty when the WCS could not be read
 * @param wcsProblem why there is no sky summary (one line); empty when {@code sky} is present
 * @param beam the restoring beam from {@code BMAJ/BMIN/BPA}; empty when absent
 * @param pixels pixel statistics of the plane read, in {@code unit}
 */
public record MapSummary(
    Path file,
    List<Long> axes,
    int plane,
    int bitpix,
    Optional<String> unit,
    Optional<SkySummary> sky,
    Optional<String> wcsProblem,
    Optional<Beam> beam,
    PixelStats pixels) {

  public MapSummary {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(sky, "sky");
    Objects.requireNonNull(wcsProblem, "wcsProblem");
    Objects.requireNonNull(beam, "beam");
    Objects.requireNonNull(pixels, "pixels");
    axes = List.copyOf(axes);
    if (axes.size() < 2) {
      throw new IllegalArgumentException("need at least 2 axes, got " + axes);
    }
    long planes = 1;
    for (long n : axes) {
      if (n < 1) {
        throw new IllegalArgumentException("axis lengths must be >= 1, got " + axes);
      }
      planes *= n;
    }
    planes /= axes.get(0) * axes.get(1);
    if (plane < -1 || plane >= planes) {
      throw new IllegalArgumentException(
          "plane must be -1 (unknown) or in [0, " + planes + "), got " + plane);
    }
    if (sky.isPresent() == wcsProblem.isPresent()) {
      throw new IllegalArgumentException("exactly one of sky and wcsProblem must be present");
    }
    if ((long) pixels.pixels() != axes.get(0) * axes.get(1)) {
      throw new IllegalArgumentException(
          "pixel count " + pixels.pixels() + " does not match axes " + axes);
    }
  }

  /**
   * Summarises {@code image}. The plane is taken to be 0 when the image has a single plane, and
   * unknown (-1) for a cube, since {@link FitsImage} does not record which plane was read; use
   * {@link #of(FitsImage, int)} then.
   */
  public static MapSummary of(FitsImage image) {
    return of(image, planeCount(image.axes()) == 1 ? 0 : -1);
  }

  /**
   * Summarises {@code image}, which is plane {@code plane} (0-based, -1 unknown) of its file. Reads
   * the WCS (a {@link WcsException} becomes {@link #wcsProblem()}), then scans the pixels once for
   * blanks, min and max, and computes the median and clipped rms.
   */
  public static MapSummary of(FitsImage image, int plane) {
    Optional<SkySummary> sky;
    Optional<String> problem;
    try {
      Wcs wcs = Wcs.fromHeader(image.header());
      sky = Optional.of(SkySummary.of(wcs, image.width(), image.height()));
      problem = Optional.empty();
    } catch (WcsException e) {
      sky = Optional.empty();
      problem = Optional.of(e.getMessage());
    }
    long[] axes = image.axes();
    Long[] boxed = new Long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      boxed[i] = axes[i];
    }
    return new MapSummary(
        image.source(),
        List.of(boxed),
        plane,
        image.bitpix(),
        image.unit(),
        sky,
        problem,
        image.beam(),
        PixelStats.of(image.plane()));
  }

  /** Image width in pixels ({@code NAXIS1}). */
  public int width() {
    return Math.toIntExact(axes.get(0));
  }

  /** Image height in pixels ({@code NAXIS2}). */
  public int height() {
    return Math.toIntExact(axes.get(1));
  }

  /** Number of planes in the file's image (the product of the axes beyond the second). */
  public long planes() {
    long n = 1;
    for (int i = 2; i < axes.size(); i++) {
      n *= axes.get(i);
    }
    return n;
  }

  /**
   * One aligned, human-readable block, ending with a newline: the file name, then one labelled line
   * per item (RA/Dec in degrees and sexagesimal, pixel values with a readable Jy/mJy/µJy scale).
   */
  public String toText() {
    return SummaryText.format(this);
  }

  /**
   * The summary as a JSON tree for {@code --json}; numbers are numbers, angles degrees, sizes
   * arcsec or arcmin as the key says, non-finite values and absent items null:
   *
   * <pre>{@code
   * {"file": "m.fits", "width": 1000, "height": 1000, "axes": [1000, 1000, 1, 1], "plane": 0,
   *  "bitpix": -32, "unit": "JY/BEAM",
   *  "wcs": {"projection": "NCP", "frame": "FK5", "radec_frame": "FK5",
   *          "pixel_scale_arcsec": [1.5, 1.5], "size_arcmin": [25.0, 25.0],
   *          "centre": {"x": 499.5, "y": 499.5, "ra_deg": 255.3, "dec_deg": -41.5,
   *                     "l_deg": 343.9, "b_deg": -0.1},
   *          "corners": [{"x": 0, "y": 0, ...}, {"x": 999, "y": 0, ...}, ...],
   *          "defaults": []},
   *  "wcs_problem": null,
   *  "beam": {"bmaj_arcsec": 6.5, "bmin_arcsec": 6.5, "bpa_deg": 0.0},
   *  "pixels": {"total": 1000000, "blank": 1200, "blank_fraction": 0.0012, "min": -0.001,
   *             "max": 0.5, "median": 1.0e-6, "rms": 1.5e-4}}
   * }</pre>
   *
   * <p>{@code wcs} is null when {@code wcs_problem} says why; {@code plane} is null when unknown;
   * {@code defaults} lists the WCS keywords the header lacks that took the FITS default ({@code
   * "CRPIX1 = 0"}); an image with no valid pixel has {@code blank_fraction} 1 and null statistics.
   */
  public ObjectNode toJsonNode() {
    return SummaryJson.tree(this);
  }

  /** The summary as pretty-printed JSON (numbers as numbers, angles in degrees, NaN as null). */
  public String toJson() {
    return SummaryJson.write(this);
  }

  private static long planeCount(long[] axes) {
    long n = 1;
    for (int i = 2; i < axes.length; i++) {
      n *= axes[i];
    }
    return n;
  }
}
