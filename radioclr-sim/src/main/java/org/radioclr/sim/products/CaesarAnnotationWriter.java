package org.radioclr.sim.products;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.radioclr.core.cutout.NoiseEstimate;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

/**
 * Writes the instance masks of the sources in one frame in the annotation form of the caesar-mrcnn
 * detector (Riggi et al. 2023; paper §4): one JSON file per image and one mask file per object.
 *
 * <p>The JSON ({@code <stem>.json}) holds the image metadata caesar-mrcnn's data loader reads
 * ({@code img}, {@code nx}, {@code ny}, {@code dx}, {@code dy} [arcsec, CDELT × 3600], {@code
 * bmaj}, {@code bmin} [arcsec], {@code bkg} [0: the simulated maps have no background], {@code rms}
 * [Jy/beam, the frame's sigma-clipped noise], {@code telescope}), the frame origin in the map
 * ({@code x0}, {@code y0}, an addition) and {@code objs}, one object per source, in id order:
 *
 * <pre>{@code
 * {"mask": "<stem>_obj1.fits", "class": "compact", "name": "sim0_17", "id": 17,
 *  "morphology": "point", "sidelobe-near": 0, "sidelobe-mixed": 0, "npix": 52, "nislands": 1,
 *  "bbox": [x0, y0, x1, y1], "bbox_x": 120.5, "bbox_y": 33.5, "bbox_w": 9.0, "bbox_h": 8.0,
 *  "bbox_angle": 0.0, "Stot": 0.0012, "snr": 24.1, "nbeams": 1.9, "minsize_beam": 1.2,
 *  "maxsize_beam": 1.4, "minsize_img_fract": 0.03, "maxsize_img_fract": 0.04, "border": 0}
 * }</pre>
 *
 * <ul>
 *   <li>{@code class}: the detection class in lower case ({@code spurious, compact, extended,
 *       extended-multisland, flagged}), caesar-mrcnn's class names; {@code sidelobe-mixed} is 1 for
 *       FLAGGED sources (the loader turns those into {@code flagged}), {@code sidelobe-near} is 1
 *       for sources that host an artefact.
 *   <li>{@code bbox}: inclusive box of the mask pixels in the frame, 0-based frame pixels (x
 *       column, y row, y = 0 the first FITS row, as numpy indexes the data); {@code bbox_x/y/w/h}
 *       the same box as centre and size and {@code bbox_angle} 0 (caesar-mrcnn's rotated box
 *       fields, here not rotated).
 *   <li>{@code npix}, {@code nislands} (8-connected), the box and {@code border} (1 when the mask
 *       touches the frame edge) are measured on the mask as cropped to the frame; {@code Stot}
 *       (total flux, Jy) and {@code snr} (peak SNR) are the source's truth, not pixel sums.
 * </ul>
 *
 * <p>Each mask file ({@code <stem>_obj<k>.fits}, next to the JSON, named in it without a folder, as
 * caesar-mrcnn expects) is a frame-sized uint8 FITS image, 1 inside the source ({@link
 * FitsWriter#writeMask}); the parts of a mask outside the frame are cut off, and a source with no
 * mask pixel in the frame is left out. Only sources with peak SNR at least {@code minSnr} are
 * annotated. The image path {@code img} is relative to the JSON's folder.
 */
public final class CaesarAnnotationWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One annotated object.
   *
   * @param sourceId the source's id
   * @param name its catalogue name
   * @param detectionClass its detection class
   * @param caesarClass the class written
   * @param maskFile the mask file
   * @param bbox inclusive box in frame pixels
   * @param npix mask pixels in the frame
   * @param nislands islands in the frame
   */
  public record AnnotatedObject(
      int sourceId,
      String name,
      DetectionClass detectionClass,
      String caesarClass,
      Path maskFile,
      PixelBox bbox,
      int npix,
      int nislands) {}

  /**
   * What was written for one frame.
   *
   * @param json the annotation file
   * @param objects the objects in it, in order
   */
  public record FrameAnnotation(Path json, List<AnnotatedObject> objects) {
    public FrameAnnotation {
      objects = List.copyOf(objects);
    }
  }

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
  public CaesarAnnotationWriter(
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

  /** caesar-mrcnn's name of a detection class, e.g. {@code extended-multisland}. */
  public static String caesarClass(DetectionClass c) {
    return c.label().toLowerCase(Locale.ROOT);
  }

  /**
   * Annotates the frame {@code frame} (map pixels) whose image is {@code image}: writes {@code
   * json} and the mask files beside it.
   *
   * @param frameRms the frame's noise rms, Jy/beam; NaN to measure it on {@code image}
   * @return what was written (the JSON is written even without objects)
   * @throws org.radioclr.core.BadInputException naming the file that cannot be written (or read)
   */
  public FrameAnnotation annotate(Path image, PixelBox frame, double frameRms, Path json) {
    return annotate(image, frame, frameRms, json, false);
  }

  /**
   * As {@link #annotate(Path, PixelBox, double, Path)}, but with {@code skipEmpty} no file is
   * written for a frame without objects.
   */
  public FrameAnnotation annotate(
      Path image, PixelBox frame, double frameRms, Path json, boolean skipEmpty) {
    Path dir = json.toAbsolutePath().normalize().getParent();
    String stem = json.getFileName().toString().replaceFirst("(?i)\\.json$", "");
    int nx = frame.width();
    int ny = frame.height();
    double pixScale = Math.sqrt(Math.abs(dx * dy));
    double beamWidthPixels = Math.ceil(Math.sqrt(bmaj * bmin) / pixScale);
    double npixInBeam = Math.PI * bmaj * bmin / (4 * Math.log(2)) / Math.abs(dx * dy);

    ObjectNode root = JSON.createObjectNode();
    root.put("img", relative(dir, image));
    root.put("nx", nx);
    root.put("ny", ny);
    root.put("dx", dx);
    root.put("dy", dy);
    root.put("bmaj", bmaj);
    root.put("bmin", bmin);
    root.put("bkg", 0.0);
    root.put("rms", 0.0); // set below, in this place
    root.put("telescope", telescope);
    root.put("x0", frame.x0());
    root.put("y0", frame.y0());
    ArrayNode objs = root.putArray("objs");
    List<AnnotatedObject> written = new ArrayList<>();
    for (MaskIndex.Placed p : sources.overlapping(frame)) {
      SourceTruth t = p.truth();
      if (!(t.snr() >= minSnr)) {
        continue;
      }
      byte[] mask = Masks.crop(t.mask(), frame);
      Optional<PixelBox> box = Masks.bounds(mask, nx, ny);
      if (box.isEmpty()) {
        continue;
      }
      PixelBox b = box.get();
      int npix = Masks.count(mask);
      int nislands = Masks.islands(mask, nx, ny);
      String name = CatalogueRow.name(field, t.source().id());
      String cls = caesarClass(t.detectionClass());
      Path maskFile = dir.resolve(stem + "_obj" + (written.size() + 1) + ".fits");
      FitsWriter.writeMask(
          maskFile,
          mask,
          nx,
          ny,
          FitsCards.from(map.header())
              .shifted(map.header(), frame.x0(), frame.y0())
              .remove("BUNIT")
              .history("radioclr-sim mask of " + name + " (" + cls + ")"));
      double w = b.width();
      double h = b.height();
      ObjectNode o = objs.addObject();
      o.put("mask", maskFile.getFileName().toString());
      o.put("class", cls);
      o.put("name", name);
      o.put("id", t.source().id());
      o.put("morphology", t.source().morphology().label());
      o.put("sidelobe-near", hosts.contains(t.source().id()) ? 1 : 0);
      o.put("sidelobe-mixed", t.detectionClass() == DetectionClass.FLAGGED ? 1 : 0);
      o.put("npix", npix);
      o.put("nislands", nislands);
      ArrayNode bbox = o.putArray("bbox");
      bbox.add(b.x0()).add(b.y0()).add(b.x1()).add(b.y1());
      o.put("bbox_x", b.x0() + 0.5 * w);
      o.put("bbox_y", b.y0() + 0.5 * h);
      o.put("bbox_w", w);
      o.put("bbox_h", h);
      o.put("bbox_angle", 0.0);
      o.put("Stot", t.source().flux());
      o.put("snr", t.snr());
      o.put("nbeams", npix / npixInBeam);
      o.put("minsize_beam", Math.min(w, h) / beamWidthPixels);
      o.put("maxsize_beam", Math.max(w, h) / beamWidthPixels);
      o.put("minsize_img_fract", Math.min(w / nx, h / ny));
      o.put("maxsize_img_fract", Math.max(w / nx, h / ny));
      boolean border = b.x0() <= 0 || b.y0() <= 0 || b.x1() >= nx - 1 || b.y1() >= ny - 1;
      o.put("border", border ? 1 : 0);
      written.add(
          new AnnotatedObject(
              t.source().id(), name, t.detectionClass(), cls, maskFile, b, npix, nislands));
    }
    if (skipEmpty && written.isEmpty()) {
      return new FrameAnnotation(json, written);
    }
    double rms =
        Double.isFinite(frameRms) ? frameRms : NoiseEstimate.rms(FitsReader.read(image).plane());
    root.put("rms", Double.isFinite(rms) ? rms : 0.0);
    String text;
    try {
      text = JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write annotation JSON: " + e.getMessage(), e);
    }
    AtomicFiles.writeString(json, text);
    return new FrameAnnotation(json, written);
  }

  /** The path of {@code file} relative to {@code dir}, with {@code /} separators. */
  static String relative(Path dir, Path file) {
    Path rel = dir.relativize(file.toAbsolutePath().normalize());
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (!sb.isEmpty()) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
