package org.radioclr.sim.products;

import java.util.Locale;
import java.util.Objects;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

/**
 * One row of the ground-truth catalogue of a field (see {@link CatalogueWriter} for the column
 * layout).
 *
 * <p><b>Bounding box.</b> {@code xMin..xMax, yMin..yMax} is the tight box of the instance mask,
 * 0-based map pixels, inclusive. A source whose mask is empty (its model never rises above the mask
 * threshold) gets the one-pixel box at its rounded centroid and {@code maskPixels = 0}, so that
 * every row has a box and readers can still tell such sources apart.
 *
 * @param id source id, unique in the field
 * @param name {@code sim<field>_<id>}
 * @param raDeg ICRS right ascension of the centroid, degrees, [0, 360)
 * @param decDeg ICRS declination of the centroid, degrees
 * @param x centroid column, 0-based map pixels
 * @param y centroid row, 0-based map pixels
 * @param fluxJy total (intrinsic) flux density, Jy
 * @param peakJy peak of the convolved model, Jy/beam
 * @param majArcsec FWHM major axis of the convolved model, arcsec
 * @param minArcsec FWHM minor axis, arcsec
 * @param paDeg position angle, degrees east of north
 * @param box the mask's bounding box (see above)
 * @param maskPixels number of mask pixels
 * @param snr peak signal-to-noise ratio
 * @param localRmsJy noise rms at the source, Jy/beam
 * @param islands islands of the mask
 * @param components Radio Galaxy Zoo components
 * @param peaks Radio Galaxy Zoo peaks
 * @param rgzClass e.g. {@code 1C-2P}
 * @param morphology {@link Morphology#label()}
 * @param family the morphology's family, lower case with hyphens ({@code radio-galaxy})
 * @param detectionClass {@link org.radioclr.formats.labels.DetectionClass#label()}
 * @param host id of the source an artefact surrounds, or -1
 */
public record CatalogueRow(
    int id,
    String name,
    double raDeg,
    double decDeg,
    double x,
    double y,
    double fluxJy,
    double peakJy,
    double majArcsec,
    double minArcsec,
    double paDeg,
    PixelBox box,
    int maskPixels,
    double snr,
    double localRmsJy,
    int islands,
    int components,
    int peaks,
    String rgzClass,
    String morphology,
    String family,
    String detectionClass,
    int host) {

  public CatalogueRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(rgzClass, "rgzClass");
    Objects.requireNonNull(morphology, "morphology");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(detectionClass, "detectionClass");
  }

  /** The catalogue name of source {@code id} of field {@code field}: {@code sim<field>_<id>}. */
  public static String name(String field, int id) {
    return "sim" + field + "_" + id;
  }

  /** The family as written in the catalogue, e.g. {@code radio-galaxy}. */
  public static String familyLabel(Morphology.Family family) {
    return family.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The row of one source of field {@code field}, with sky coordinates through {@code wcs}
   * (converted to ICRS; NaN when the centroid does not project).
   */
  public static CatalogueRow of(SourceTruth t, Wcs wcs, String field) {
    Objects.requireNonNull(wcs, "wcs");
    SkyCoord c = wcs.pixelToSky(t.x(), t.y());
    if (c.isValid()) {
      c = c.to(CelestialFrame.ICRS);
    }
    PixelBox box =
        Masks.bounds(t.mask())
            .orElseGet(
                () -> {
                  int cx = (int) Math.round(t.x());
                  int cy = (int) Math.round(t.y());
                  return new PixelBox(cx, cy, cx, cy);
                });
    Morphology m = t.source().morphology();
    return new CatalogueRow(
        t.source().id(),
        name(field, t.source().id()),
        c.lon(),
        c.lat(),
        t.x(),
        t.y(),
        t.source().flux(),
        t.peakJy(),
        t.majorArcsec(),
        t.minorArcsec(),
        t.paDeg(),
        box,
        t.mask().area(),
        t.snr(),
        t.localRmsJy(),
        t.islands(),
        t.components(),
        t.peaks(),
        t.rgzClass(),
        m.label(),
        familyLabel(m.family()),
        t.detectionClass().label(),
        t.source().host());
  }
}
