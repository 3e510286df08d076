package org.radioclr.formats.caesar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.Json;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.PixelBox;

/**
 * Reads caesar-mrcnn annotations (the format {@link CaesarAnnotationWriter} describes): what
 * radioclr-sim writes, and the public caesar-mrcnn data sets. As caesar-mrcnn's loader does, the
 * image and mask paths are relative to the JSON's folder, a flagged object ({@code sidelobe-mixed =
 * 1}) becomes FLAGGED and an {@code extended} object of more than one island EXTENDED-MULTISLAND
 * ({@link CaesarClasses#effective}). Unlike it, a bad object is not skipped quietly: an unknown
 * class, a missing mask file or a mask of another size than the image is a {@link
 * BadInputException} naming the file.
 *
 * <p>Lists of annotations ({@link #list}): caesar-mrcnn's file list (a text file, one JSON path a
 * line, relative paths against the list's folder), a radioclr datalist whose entries name their
 * annotation in {@code annotation} (as radioclr-sim's {@code sets/detection/datalist.json}), or a
 * single annotation JSON.
 */
public final class CaesarAnnotationReader {
  private static final Set<String> KNOWN =
      Set.of(
          "mask",
          "class",
          "name",
          "id",
          "nislands",
          "npix",
          "bbox",
          "sidelobe-near",
          "sidelobe-mixed",
          "bbox_x",
          "bbox_y",
          "bbox_w",
          "bbox_h",
          "bbox_angle",
          "nbeams",
          "minsize_beam",
          "maxsize_beam",
          "minsize_img_fract",
          "maxsize_img_fract",
          "border");

  private CaesarAnnotationReader() {}

  /**
   * Reads one annotation; checks that its image and mask files exist (the masks are read by {@link
   * #readMask}).
   *
   * @throws BadInputException naming the JSON on a missing field, unknown class or missing file
   */
  public static CaesarAnnotation read(Path json) {
    Path file = json.toAbsolutePath().normalize();
    JsonNode root = Json.parse(Json.readText(file, "annotation"), file, JsonNode.class);
    Path dir = file.getParent();
    Path image = dir.resolve(text(file, root, "img", "the image")).normalize();
    if (!Files.isRegularFile(image)) {
      throw new BadInputException(file, "image file " + image + " does not exist");
    }
    CaesarImageInfo info =
        new CaesarImageInfo(
            positive(file, root, "nx"),
            positive(file, root, "ny"),
            root.path("dx").asDouble(1),
            root.path("dy").asDouble(1),
            root.path("bmaj").asDouble(0),
            root.path("bmin").asDouble(0),
            root.path("bkg").asDouble(0),
            root.path("rms").asDouble(Double.NaN),
            root.path("telescope").asText(""),
            root.path("x0").asInt(0),
            root.path("y0").asInt(0));
    JsonNode objs = root.get("objs");
    if (objs == null || !objs.isArray()) {
      throw new BadInputException(file, "no 'objs' array");
    }
    List<CaesarObject> objects = new ArrayList<>();
    int k = 0;
    for (JsonNode o : objs) {
      k++;
      objects.add(object(file, dir, o, k));
    }
    return new CaesarAnnotation(file, image, info, objects);
  }

  private static CaesarObject object(Path file, Path dir, JsonNode o, int k) {
    String where = "object " + k;
    if (!o.isObject()) {
      throw new BadInputException(file, where + " is not a JSON object");
    }
    Path mask = dir.resolve(text(file, o, "mask", where + "'s mask file")).normalize();
    if (!Files.isRegularFile(mask)) {
      throw new BadInputException(file, where + ": mask file " + mask + " does not exist");
    }
    String cls = text(file, o, "class", where + "'s class");
    Optional<DetectionClass> named = CaesarClasses.parse(cls);
    if (named.isEmpty()) {
      throw new BadInputException(
          file,
          where
              + ": unknown class '"
              + cls
              + "' (known: "
              + Arrays.stream(DetectionClass.values())
                  .map(CaesarClasses::name)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    int nislands = o.path("nislands").asInt(1);
    boolean mixed = o.path("sidelobe-mixed").asInt(0) == 1;
    PixelBox bbox = null;
    JsonNode b = o.get("bbox");
    if (b != null && b.isArray() && b.size() == 4) {
      try {
        bbox = new PixelBox(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(file, where + ": " + e.getMessage(), e);
      }
    }
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
        extras.put(
            e.getKey(), Json.mapper().convertValue(e.getValue(), new TypeReference<Object>() {}));
      }
    }
    return new CaesarObject(
        mask,
        CaesarClasses.effective(named.get(), nislands, mixed),
        o.path("name").asText(""),
        o.path("id").asInt(-1),
        nislands,
        o.path("npix").asInt(-1),
        bbox,
        o.path("sidelobe-near").asInt(0) == 1,
        mixed,
        extras);
  }

  /**
   * The mask of {@code object}, {@code byte[ny * nx]} ({@code [y * nx + x]}), 1 inside.
   *
   * @throws BadInputException naming the mask file when it is not FITS or not the image's size
   */
  public static byte[] readMask(CaesarAnnotation annotation, CaesarObject object) {
    FitsImage m = FitsReader.readEvenIfBlank(object.maskFile(), -1);
    int nx = annotation.info().nx();
    int ny = annotation.info().ny();
    if (m.width() != nx || m.height() != ny) {
      throw new BadInputException(
          object.maskFile(),
          "mask is "
              + m.width()
              + "x"
              + m.height()
              + " but its image ("
              + annotation.json().getFileName()
              + ") is "
              + nx
              + "x"
              + ny);
    }
    float[] px = m.plane().data();
    byte[] out = new byte[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = px[i] != 0 && !Float.isNaN(px[i]) ? (byte) 1 : (byte) 0;
    }
    return out;
  }

  /**
   * The annotation files listed by {@code file}: a caesar-mrcnn file list (text, one JSON a line;
   * blank lines and {@code #} comments skipped), a datalist whose entries carry {@code annotation},
   * or one annotation JSON (a list of itself).
   *
   * @throws BadInputException naming the file when it is none of these
   */
  public static List<Path> list(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    String text = Json.readText(abs, "annotation list");
    String trimmed = text.stripLeading();
    List<Path> out = new ArrayList<>();
    if (!trimmed.startsWith("{")) {
      for (String line : text.split("\\R")) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(abs.getParent().resolve(s).normalize());
        }
      }
    } else {
      JsonNode root = Json.parse(text, abs, JsonNode.class);
      if (root.has("objs")) {
        return List.of(abs);
      }
      if (!root.has("data")) {
        throw new BadInputException(
            abs, "neither a caesar-mrcnn annotation ('objs') nor a datalist ('data')");
      }
      for (DatalistEntry e : DatalistReader.readAll(abs)) {
        Object a = e.extras().get("annotation");
        if (!(a instanceof String s)) {
          throw new BadInputException(
              abs, "entry " + e.sname() + " has no 'annotation' (the caesar-mrcnn JSON)");
        }
        out.add(abs.getParent().resolve(s).normalize());
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(abs, "lists no annotation file");
    }
    return out;
  }

  private static String text(Path file, JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new BadInputException(file, "no '" + field + "' (" + what + ")");
    }
    return v.asText();
  }

  private static int positive(Path file, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
      throw new BadInputException(file, "'" + field + "' must be a positive integer, got " + v);
    }
    return v.asInt();
  }
}
