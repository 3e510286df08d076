package org.radioclr.detect.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.caesar.CaesarAnnotation;
import org.radioclr.formats.caesar.CaesarAnnotationReader;
import org.radioclr.formats.caesar.CaesarObject;

/**
 * A set of predictions read back for scoring: caesar-mrcnn annotations whose objects carry a {@code
 * score} (1 when absent), as {@code detect run} and {@code detect islands} write them ({@code
 * <out>/<map stem>/caesar/<map stem>.json}), or any annotation list {@link
 * CaesarAnnotationReader#list} takes. Each is matched to a true frame by its image: the same file,
 * else the same file name when only one prediction has it.
 */
public final class Predictions {
  private final Map<Path, List<Instance>> byImage;
  private final Map<String, List<Path>> byName = new HashMap<>();

  private Predictions(Map<Path, List<Instance>> byImage) {
    this.byImage = byImage;
    for (Path p : byImage.keySet()) {
      byName.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>()).add(p);
    }
  }

  /**
   * Reads the predictions of {@code pred}: a folder written by {@code detect run} (every {@code
   * caesar/*.json} under it) or an annotation list.
   *
   * @throws BadInputException naming the file that is bad, or the folder holding no annotation
   */
  public static Predictions read(Path pred) {
    List<Path> files = Files.isDirectory(pred) ? inFolder(pred) : CaesarAnnotationReader.list(pred);
    Map<Path, List<Instance>> byImage = new LinkedHashMap<>();
    for (Path json : files) {
      CaesarAnnotation a = CaesarAnnotationReader.read(json);
      List<Instance> found = new ArrayList<>();
      for (CaesarObject o : a.objects()) {
        double score = score(a, o);
        byte[] mask = CaesarAnnotationReader.readMask(a, o);
        PixelSet.fromMask(mask, a.info().nx(), a.info().ny())
            .ifPresent(p -> found.add(new Instance(p, o.detectionClass(), score)));
      }
      if (byImage.put(a.image(), found) != null) {
        throw new BadInputException(
            a.json(), "a second prediction set for image " + a.image() + " in " + pred);
      }
    }
    return new Predictions(byImage);
  }

  /** The number of predicted images. */
  public int size() {
    return byImage.size();
  }

  /**
   * The predictions for a true frame's image, or null when there are none.
   *
   * @throws BadInputException naming the prediction when its size differs from the frame's
   */
  public List<Instance> forImage(Path image, int width, int height) {
    Path key = image.toAbsolutePath().normalize();
    List<Instance> found = byImage.get(key);
    if (found == null) {
      List<Path> same = byName.getOrDefault(key.getFileName().toString(), List.of());
      if (same.size() != 1) {
        return null;
      }
      key = same.get(0);
      found = byImage.get(key);
    }
    for (Instance i : found) {
      if (i.pixels().width() != width || i.pixels().height() != height) {
        throw new BadInputException(
            key,
            "predicted on a "
                + i.pixels().width()
                + "x"
                + i.pixels().height()
                + " image but the true frame is "
                + width
                + "x"
                + height);
      }
    }
    return found;
  }

  /**
   * The predictions for a true frame (matched by its annotation's image), or null when there are
   * none.
   */
  public List<Instance> forFrame(Frame frame) {
    Path image = CaesarAnnotationReader.read(frame.source()).image();
    return forImage(image, frame.image().width(), frame.image().height());
  }

  private static double score(CaesarAnnotation a, CaesarObject o) {
    Object s = o.extras().get("score");
    if (s == null) {
      return 1;
    }
    if (s instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
      return n.doubleValue();
    }
    throw new BadInputException(
        a.json(), "object " + o.name() + " has score " + s + ", not a number in [0, 1]");
  }

  private static List<Path> inFolder(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> out =
          s.filter(
                  p ->
                      p.getFileName().toString().endsWith(".json")
                          && p.getParent() != null
                          && p.getParent().getFileName().toString().equals("caesar")
                          && Files.isRegularFile(p))
              .sorted()
              .toList();
      if (out.isEmpty()) {
        throw new BadInputException(
            dir, "holds no caesar/*.json (what detect run and detect islands write)");
      }
      return out;
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot be listed: " + e.getMessage(), e);
    }
  }
}
