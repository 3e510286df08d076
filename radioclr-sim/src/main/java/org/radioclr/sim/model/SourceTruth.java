package org.radioclr.sim.model;

import java.util.Objects;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.SourceMask;

/**
 * What is known about a simulated source once it is placed on a map: measured on its noiseless,
 * beam-convolved model with the local noise rms.
 *
 * @param source the source
 * @param x flux-weighted centroid column, map pixels (0-based)
 * @param y flux-weighted centroid row, map pixels (0-based)
 * @param peakJy peak of the convolved model, Jy/beam
 * @param majorArcsec FWHM major axis of the convolved model (second moments), arcsec
 * @param minorArcsec FWHM minor axis, arcsec
 * @param paDeg position angle of the major axis, degrees east of north
 * @param localRmsJy noise rms at the source, Jy/beam
 * @param islands number of separate islands of the mask (8-connected)
 * @param components radio components in the Radio Galaxy Zoo sense (islands), the "C" of 2C-3P
 * @param peaks distinct peaks of the convolved model inside the mask, the "P"
 * @param detectionClass the caesar-mrcnn class (§4.2)
 * @param mask the instance mask (model above the mask threshold)
 */
public record SourceTruth(
    SimSource source,
    double x,
    double y,
    double peakJy,
    double majorArcsec,
    double minorArcsec,
    double paDeg,
    double localRmsJy,
    int islands,
    int components,
    int peaks,
    DetectionClass detectionClass,
    SourceMask mask) {

  public SourceTruth {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(detectionClass, "detectionClass");
    Objects.requireNonNull(mask, "mask");
  }

  /** Whether any pixel of the model is above the mask threshold (the mask is not empty). */
  public boolean detected() {
    return islands > 0;
  }

  /** Peak signal-to-noise ratio. */
  public double snr() {
    return peakJy / localRmsJy;
  }

  /** The Radio Galaxy Zoo class, e.g. {@code 2C-3P}. */
  public String rgzClass() {
    return components + "C-" + peaks + "P";
  }
}
