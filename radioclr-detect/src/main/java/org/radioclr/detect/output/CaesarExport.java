package org.radioclr.detect.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nom.tam.fits.Header;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.formats.caesar.CaesarAnnotation;
import org.radioclr.formats.caesar.CaesarAnnotationWriter;
import org.radioclr.formats.caesar.CaesarImageInfo;

/**
 * The objects found on a map as a caesar-mrcnn annotation ({@link CaesarAnnotationWriter}): the
 * JSON names the map as its image, each object gets a map-sized mask file, and its {@code score}
 * rides along as an extra field, so that {@code detect evaluate --pred} reads it back. Pixel size
 * from the WCS (arcsec, negative along RA as {@code CDELT1}), beam from the header (0 without one),
 * {@code bkg} and {@code rms} 0 (not measured here).
 */
public final class CaesarExport {
  private CaesarExport() {}

  /** Writes {@code json} for the rows found on {@code map}, with their mask files beside it. */
  public static CaesarAnnotation write(
      Path json,
      Path map,
      int width,
      int height,
      Header header,
      List<DetectionCatalogue.Row> rows) {
    double dx = 0;
    double dy = 0;
    if (Wcs.hasCelestialWcs(header)) {
      double[] s = Wcs.fromHeader(header).pixelScaleDeg();
      dx = -s[0] * 3600;
      dy = s[1] * 3600;
    }
    Optional<Beam> beam = Beam.fromHeader(header);
    CaesarImageInfo info =
        new CaesarImageInfo(
            width,
            height,
            dx,
            dy,
            beam.map(Beam::majorArcsec).orElse(0.0),
            beam.map(Beam::minorArcsec).orElse(0.0),
            0,
            0,
            header.getStringValue("TELESCOP") == null ? "" : header.getStringValue("TELESCOP"),
            0,
            0);
    FitsCards cards = FitsCards.from(header).remove("BUNIT");
    List<CaesarAnnotationWriter.MaskObject> objects = new ArrayList<>(rows.size());
    for (DetectionCatalogue.Row r : rows) {
      byte[] mask = new byte[Math.multiplyExact(width, height)];
      for (long p : r.object().pixels()) {
        mask[Math.toIntExact(p)] = 1;
      }
      objects.add(
          new CaesarAnnotationWriter.MaskObject(
              mask,
              r.object().detectionClass(),
              "obj" + r.id(),
              r.id(),
              false,
              Map.of("score", r.object().score()),
              cards));
    }
    return CaesarAnnotationWriter.write(json, map, info, objects);
  }
}
