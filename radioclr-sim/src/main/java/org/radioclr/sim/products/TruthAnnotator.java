package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.radioclr.core.cutout.NoiseEstimate;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.formats.caesar.CaesarAnnotation;
import org.radioclr.formats.caesar.CaesarAnnotationWriter;
import org.radioclr.formats.caesar.CaesarAnnotationWriter.MaskObject;
import org.radioclr.formats.caesar.CaesarImageInfo;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

/**
 * Annotates the sources of one frame in caesar-mrcnn's annotation form (paper §4.2; the format is
 * {@link CaesarAnnotationWriter}'s): the mapping from the simulator's truth to that format.
 *
 * <ul>
 *   <li>Image metadata: {@code dx}, {@code dy} are the map's CDELT × 3600, {@code bmaj}, {@code
 *       bmin} its beam (caesar-mrcnn's fallback of 5 pixels without one), {@code bkg} 0 (the
 *       simulated maps have no background), {@code rms} the frame's noise, {@code x0}, {@code y0}
 *       the frame origin in the map.
 *   <li>Objects: one per source with peak SNR at least {@code minSnr} and at least one mask pixel
 *       in the frame, in id order; the mask is the truth mask cropped to the frame; {@code name}
 *       the catalogue name, {@code class} the detection class, {@code sidelobe-near} 1 for a source
 *       that hosts an artefact, and the extras {@code morphology}, {@code Stot} (total flux, Jy)
 *       and {@code snr} (peak SNR), the source's truth, not pixel sums.
 * </ul>
 */
public final class TruthAnnotator {
  private final MapHeader map;
  private final MaskIndex sources;
  private final String field;
  private final String telescope;
  private final double minSnr;
  private final Set<Integer> hosts = new HashSet<>();
  private final double dx;
  private final double dy;
  private final double bmaj;
  private final double bmin;

  /**
   * @param map header of the map the frames are cut from (WCS, beam, pixel size)
   * @param truths the sources on the map
   * @param field the field name used in source names ({@link CatalogueRow#name})
   * @param telescope written as {@code telescope}, e.g. {@code radioclr-sim emu-pilot}
   * @param minSnr smallest peak SNR of an annotated source
   */
  public TruthAnnotator(
      MapHeader map, List<SourceTruth> truths, String field, String telescope, double minSnr) {
    this.map = Objects.requireNonNull(map, "map");
    this.sources = MaskIndex.of(truths);
    this.field = Objects.requireNonNull(field, "field");
    this.telescope = Objects.requireNonNull(telescope, "telescope");
    if (!(minSnr >= 0) || Double.isInfinite(minSnr)) {
      throw new IllegalArgumentException("minimum SNR must be finite and >= 0, got " + minSnr);
    }
    this.minSnr = minSnr;
    for (SourceTruth t : truths) {
      if (t.source().morphology().family() == Morphology.Family.ARTEFACT
          && t.source().host() >= 0) {
        hosts.add(t.source().host());
      }
    }
    double[] px = map.pixelArcsec();
    this.dx = tidy(map.header().getDoubleValue("CDELT1", -px[0] / 3600) * 3600);
    this.dy = tidy(map.header().getDoubleValue("CDELT2", px[1] / 3600) * 3600);
    Optional<Beam> beam = map.beam();
    // caesar-mrcnn's fallback for maps without a beam: 5 pixels
    this.bmaj = tidy(beam.map(Beam::majorArcsec).orElse(5 * px[0]));
    this.bmin = tidy(beam.map(Beam::minorArcsec).orElse(5 * px[1]));
  }

  /** Rounds away the last bits of a degrees-to-arcsec conversion (10.00000000000008 -> 10). */
  static double tidy(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
  }

  /**
   * Annotates the frame {@code frame} (map pixels) whose image is {@code image}: writes {@code
   * json} and the mask files beside it.
   *
   * @param frameRms the frame's noise rms, Jy/beam; NaN to measure it on {@code image}
   * @return what was written (the JSON is written even without objects)
   * @throws org.radioclr.core.BadInputException naming the file that cannot be written (or read)
   */
  public CaesarAnnotation annotate(Path image, PixelBox frame, double frameRms, Path json) {
    return annotate(image, frame, frameRms, json, false);
  }

  /**
   * As {@link #annotate(Path, PixelBox, double, Path)}, but with {@code skipEmpty} no file is
   * written for a frame without objects (the annotation returned then has no objects).
   */
  public CaesarAnnotation annotate(
      Path image, PixelBox frame, double frameRms, Path json, boolean skipEmpty) {
    int nx = frame.width();
    int ny = frame.height();
    List<MaskObject> objects = new ArrayList<>();
    for (MaskIndex.Placed p : sources.overlapping(frame)) {
      SourceTruth t = p.truth();
      if (!(t.snr() >= minSnr)) {
        continue;
      }
      byte[] mask = Masks.crop(t.mask(), frame);
      if (Masks.bounds(mask, nx, ny).isEmpty()) {
        continue;
      }
      String name = CatalogueRow.name(field, t.source().id());
      Map<String, Object> extras = new LinkedHashMap<>();
      extras.put("morphology", t.source().morphology().label());
      extras.put("Stot", t.source().flux());
      extras.put("snr", t.snr());
      objects.add(
          new MaskObject(
              mask,
              t.detectionClass(),
              name,
              t.source().id(),
              hosts.contains(t.source().id()),
              extras,
              FitsCards.from(map.header())
                  .shifted(map.header(), frame.x0(), frame.y0())
                  .remove("BUNIT")
                  .history("radioclr-sim truth")));
    }
    double rms = 0;
    if (!(skipEmpty && objects.isEmpty())) {
      double r =
          Double.isFinite(frameRms) ? frameRms : NoiseEstimate.rms(FitsReader.read(image).plane());
      rms = Double.isFinite(r) ? r : 0.0;
    }
    CaesarImageInfo info =
        new CaesarImageInfo(
            nx, ny, dx, dy, bmaj, bmin, 0.0, rms, telescope, frame.x0(), frame.y0());
    if (skipEmpty && objects.isEmpty()) {
      return new CaesarAnnotation(json, image, info, List.of());
    }
    return CaesarAnnotationWriter.write(json, image, info, objects);
  }
}
