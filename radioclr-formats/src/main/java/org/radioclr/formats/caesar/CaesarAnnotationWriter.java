package org.radioclr.formats.caesar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;

/**
 * Writes one image's objects in the annotation form of the caesar-mrcnn detector (Riggi et al.
 * 2023; paper §4.2): a JSON file and one mask file per object beside it.
 *
 * <p>The JSON ({@code <stem>.json}) holds the image metadata caesar-mrcnn's data loader reads
 * ({@code img}, relative to the JSON's folder, {@code nx}, {@code ny}, {@code dx}, {@code dy},
 * {@code bmaj}, {@code bmin} [arcsec], {@code bkg}, {@code rms} [Jy/beam], {@code telescope}), the
 * image origin in its map ({@code x0}, {@code y0}, a radioclr addition) and {@code objs}, one
 * object per mask, in the given order:
 *
 * <pre>{@code
 * {"mask": "<stem>_obj1.fits", "class": "compact", "name": "sim0_17", "id": 17,
 *  "sidelobe-near": 0, "sidelobe-mixed": 0, "npix": 52, "nislands": 1,
 *  "bbox": [x0, y0, x1, y1], "bbox_x": 120.5, "bbox_y": 33.5, "bbox_w": 9.0, "bbox_h": 8.0,
 *  "bbox_angle": 0.0, "nbeams": 1.9, "minsize_beam": 1.2, "maxsize_beam": 1.4,
 *  "minsize_img_fract": 0.03, "maxsize_img_fract": 0.04, "border": 0, ...extras}
 * }</pre>
 *
 * <ul>
 *   <li>{@code class}: caesar-mrcnn's class name ({@link CaesarClasses#name}); {@code
 *       sidelobe-mixed} is 1 for FLAGGED objects (caesar-mrcnn's loader turns those into {@code
 *       flagged}).
 *   <li>{@code bbox}: inclusive box of the mask pixels, 0-based image pixels (x column, y row, y =
 *       0 the first FITS row, as numpy indexes the data); {@code bbox_x/y/w/h} the same box as
 *       centre and size and {@code bbox_angle} 0 (caesar-mrcnn's rotated-box fields, not rotated).
 *   <li>{@code npix}, {@code nislands} (8-connected, {@link Masks#islands}), the box and {@code
 *       border} (1 when the mask touches the image edge) are measured on the mask.
 *   <li>{@code extras}: further fields of the object (the simulator's {@code morphology}, {@code
 *       Stot}, {@code snr}), written last.
 * </ul>
 *
 * <p>Each mask file ({@code <stem>_obj<k>.fits}, named in the JSON without a folder, as
 * caesar-mrcnn expects) is an image-sized uint8 FITS image, 1 inside the object ({@link
 * FitsWriter#writeMask}). Every file is written to a temporary file and renamed.
 */
public final class CaesarAnnotationWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One object to write.
   *
   * @param mask image-sized mask, {@code [y * nx + x]}, non-zero inside; at least one pixel set
   * @param detectionClass its class
   * @param name its name
   * @param id its id
   * @param sidelobeNear whether it hosts or touches an artefact
   * @param extras further fields written after the measured ones (may be empty)
   * @param maskCards the header cards of its mask file (WCS of the image), or {@code null}
   */
  public record MaskObject(
      byte[] mask,
      DetectionClass detectionClass,
      String name,
      int id,
      boolean sidelobeNear,
      Map<String, Object> extras,
      FitsCards maskCards) {

    public MaskObject {
      Objects.requireNonNull(mask, "mask");
      Objects.requireNonNull(detectionClass, "detectionClass");
      Objects.requireNonNull(name, "name");
      extras = new LinkedHashMap<>(extras);
    }
  }

  private CaesarAnnotationWriter() {}

  /**
   * Writes {@code json} for {@code image} and the mask files beside it.
   *
   * @return the annotation as {@link CaesarAnnotationReader} would read it back
   * @throws IllegalArgumentException when a mask is not {@code nx × ny} or is empty
   * @throws org.radioclr.core.BadInputException naming the file that cannot be written
   */
  public static CaesarAnnotation write(
      Path json, Path image, CaesarImageInfo info, List<MaskObject> objects) {
    Path dir = json.toAbsolutePath().normalize().getParent();
    String stem = json.getFileName().toString().replaceFirst("(?i)\\.json$", "");
    int nx = info.nx();
    int ny = info.ny();
    double pixScale = Math.sqrt(Math.abs(info.dx() * info.dy()));
    double beamWidthPixels = Math.ceil(Math.sqrt(info.bmaj() * info.bmin()) / pixScale);
    double npixInBeam = info.pixelsPerBeam();

    ObjectNode root = JSON.createObjectNode();
    root.put("img", relative(dir, image));
    root.put("nx", nx);
    root.put("ny", ny);
    root.put("dx", info.dx());
    root.put("dy", info.dy());
    root.put("bmaj", info.bmaj());
    root.put("bmin", info.bmin());
    root.put("bkg", info.bkg());
    root.put("rms", info.rms());
    root.put("telescope", info.telescope());
    root.put("x0", info.x0());
    root.put("y0", info.y0());
    ArrayNode objs = root.putArray("objs");
    List<CaesarObject> written = new ArrayList<>();
    for (MaskObject m : objects) {
      Optional<PixelBox> box = Masks.bounds(m.mask(), nx, ny);
      if (box.isEmpty()) {
        throw new IllegalArgumentException("mask of object " + m.name() + " is empty");
      }
      PixelBox b = box.get();
      int npix = Masks.count(m.mask());
      int nislands = Masks.islands(m.mask(), nx, ny);
      String cls = CaesarClasses.name(m.detectionClass());
      boolean mixed = m.detectionClass() == DetectionClass.FLAGGED;
      Path maskFile = dir.resolve(stem + "_obj" + (written.size() + 1) + ".fits");
      FitsCards cards = m.maskCards() == null ? FitsCards.create() : m.maskCards();
      FitsWriter.writeMask(
          maskFile, m.mask(), nx, ny, cards.history("mask of " + m.name() + " (" + cls + ")"));
      double w = b.width();
      double h = b.height();
      ObjectNode o = objs.addObject();
      o.put("mask", maskFile.getFileName().toString());
      o.put("class", cls);
      o.put("name", m.name());
      o.put("id", m.id());
      o.put("sidelobe-near", m.sidelobeNear() ? 1 : 0);
      o.put("sidelobe-mixed", mixed ? 1 : 0);
      o.put("npix", npix);
      o.put("nislands", nislands);
      ArrayNode bbox = o.putArray("bbox");
      bbox.add(b.x0()).add(b.y0()).add(b.x1()).add(b.y1());
      o.put("bbox_x", b.x0() + 0.5 * w);
      o.put("bbox_y", b.y0() + 0.5 * h);
      o.put("bbox_w", w);
      o.put("bbox_h", h);
      o.put("bbox_angle", 0.0);
      o.put("nbeams", npix / npixInBeam);
      o.put("minsize_beam", Math.min(w, h) / beamWidthPixels);
      o.put("maxsize_beam", Math.max(w, h) / beamWidthPixels);
      o.put("minsize_img_fract", Math.min(w / nx, h / ny));
      o.put("maxsize_img_fract", Math.max(w / nx, h / ny));
      boolean border = b.x0() <= 0 || b.y0() <= 0 || b.x1() >= nx - 1 || b.y1() >= ny - 1;
      o.put("border", border ? 1 : 0);
      m.extras().forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
      written.add(
          new CaesarObject(
              maskFile,
              CaesarClasses.effective(m.detectionClass(), nislands, mixed),
              m.name(),
              m.id(),
              nislands,
              npix,
              b,
              m.sidelobeNear(),
              mixed,
              m.extras()));
    }
    String text;
    try {
      text = JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write annotation JSON: " + e.getMessage(), e);
    }
    AtomicFiles.writeString(json, text);
    return new CaesarAnnotation(
        json.toAbsolutePath().normalize(), image.toAbsolutePath().normalize(), info, written);
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
