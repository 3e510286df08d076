package org.radioclr.core.fits;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nom.tam.fits.Header;
import org.radioclr.core.image.Plane;

/**
 * One image plane read from a FITS file, with what the file said about it.
 *
 * @param source the file it was read from
 * @param plane the pixels, float32, {@code [NAXIS2][NAXIS1]} row-major, BSCALE/BZERO applied, blank
 *     pixels NaN, in the unit of {@link #unit()} (usually Jy/beam)
 * @param header a detached copy of the image header (for a tile-compressed image, the header of the
 *     uncompressed image); treat it as read-only
 * @param bitpix the BITPIX of the stored data (8, 16, 32, 64, -32 or -64)
 * @param axes the original axis lengths in FITS order ({@code NAXIS1, NAXIS2, ...})
 */
public record FitsImage(Path source, Plane plane, Header header, int bitpix, long[] axes) {

  public FitsImage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(plane, "plane");
    Objects.requireNonNull(header, "header");
    axes = axes.clone();
    if (axes.length < 2) {
      throw new IllegalArgumentException("need at least 2 axes, got " + Arrays.toString(axes));
    }
    if (axes[0] != plane.width() || axes[1] != plane.height()) {
      throw new IllegalArgumentException(
          "axes "
              + Arrays.toString(axes)
              + " do not match the plane "
              + plane.width()
              + "x"
              + plane.height());
    }
  }

  /** The original axis lengths, {@code NAXIS1, NAXIS2, ...} (a copy). */
  @Override
  public long[] axes() {
    return axes.clone();
  }

  /** Image width in pixels ({@code NAXIS1}). */
  public int width() {
    return plane.width();
  }

  /** Image height in pixels ({@code NAXIS2}). */
  public int height() {
    return plane.height();
  }

  /** The pixel unit from {@code BUNIT}, trimmed; empty when absent or blank. */
  public Optional<String> unit() {
    return text("BUNIT");
  }

  /** The restoring beam from {@code BMAJ/BMIN/BPA}; empty when the header has none. */
  public Optional<Beam> beam() {
    return Beam.fromHeader(header);
  }

  /** {@code CTYPEn} of FITS axis {@code n} (1-based), trimmed; empty when absent or blank. */
  public Optional<String> ctype(int axis) {
    if (axis < 1) {
      throw new IllegalArgumentException("FITS axes count from 1, got " + axis);
    }
    return text("CTYPE" + axis);
  }

  /**
   * The types of the two sky axes, {@code [CTYPE1, CTYPE2]}, for example {@code [RA---TAN,
   * DEC--TAN]}; an absent card gives {@code ""}.
   */
  public List<String> skyCtypes() {
    return List.of(ctype(1).orElse(""), ctype(2).orElse(""));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FitsImage other
        && source.equals(other.source)
        && plane.equals(other.plane)
        && header.equals(other.header)
        && bitpix == other.bitpix
        && Arrays.equals(axes, other.axes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, plane, header, bitpix, Arrays.hashCode(axes));
  }

  @Override
  public String toString() {
    return "FitsImage["
        + source
        + ", "
        + plane.width()
        + "x"
        + plane.height()
        + ", BITPIX="
        + bitpix
        + ", axes="
        + Arrays.toString(axes)
        + "]";
  }

  private Optional<String> text(String key) {
    String v = header.getStringValue(key, null);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(v.trim());
  }
}
