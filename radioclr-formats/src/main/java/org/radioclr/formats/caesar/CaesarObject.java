package org.radioclr.formats.caesar;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.PixelBox;

/**
 * One annotated object of a caesar-mrcnn annotation.
 *
 * @param maskFile its frame-sized mask file (absolute)
 * @param detectionClass its class as caesar-mrcnn's loader assigns it ({@link
 *     CaesarClasses#effective})
 * @param name its name ({@code ""} when the file has none)
 * @param id its id ({@code -1} when the file has none)
 * @param nislands its number of 8-connected islands
 * @param npix its number of mask pixels ({@code -1} when the file does not say)
 * @param bbox its inclusive box in image pixels, {@code null} when the file does not say
 * @param sidelobeNear whether the object hosts or touches an artefact ({@code sidelobe-near})
 * @param sidelobeMixed whether it is mixed with an artefact ({@code sidelobe-mixed}, FLAGGED)
 * @param extras the object's other fields, as read (not those {@link CaesarAnnotationWriter}
 *     derives from the mask: {@code bbox_*, nbeams, *size_*, border})
 */
public record CaesarObject(
    Path maskFile,
    DetectionClass detectionClass,
    String name,
    int id,
    int nislands,
    int npix,
    PixelBox bbox,
    boolean sidelobeNear,
    boolean sidelobeMixed,
    Map<String, Object> extras) {

  public CaesarObject {
    Objects.requireNonNull(maskFile, "maskFile");
    Objects.requireNonNull(detectionClass, "detectionClass");
    Objects.requireNonNull(name, "name");
    extras = Map.copyOf(extras);
  }
}
