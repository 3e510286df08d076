package org.radioclr.detect.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.image.Plane;
import org.radioclr.detect.Instance;

/**
 * One annotated image.
 *
 * @param name a name for reports (the annotation's file stem)
 * @param image its pixels, Jy/beam
 * @param truth its true objects
 * @param beamMajorPixels beam FWHM major axis, pixels
 * @param beamMinorPixels beam FWHM minor axis, pixels
 * @param source the annotation file
 */
public record Frame(
    String name,
    Plane image,
    List<Instance> truth,
    double beamMajorPixels,
    double beamMinorPixels,
    Path source) {

  public Frame {
    Objects.requireNonNull(image, "image");
    truth = List.copyOf(truth);
  }
}
