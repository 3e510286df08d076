package org.radioclr.formats.caesar;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One image's caesar-mrcnn annotation.
 *
 * @param json the annotation file
 * @param image the image it annotates (absolute)
 * @param info the image metadata
 * @param objects the objects, in file order
 */
public record CaesarAnnotation(
    Path json, Path image, CaesarImageInfo info, List<CaesarObject> objects) {

  public CaesarAnnotation {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(info, "info");
    objects = List.copyOf(objects);
  }
}
