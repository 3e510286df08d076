package org.radioclr.detect.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.BadInputException;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.caesar.CaesarAnnotation;
import org.radioclr.formats.caesar.CaesarAnnotationReader;
import org.radioclr.formats.caesar.CaesarObject;

/**
 * Reads the annotated frames of a detection set: an annotation list as {@link
 * CaesarAnnotationReader#list} takes it (radioclr-sim's {@code sets/detection/datalist.json} or
 * {@code filelist.txt}, a caesar-mrcnn file list). The beam in pixels is the annotation's {@code
 * bmaj}/{@code bmin} over {@code |dx|}/{@code |dy|} (5 pixels when the annotation has no beam).
 */
public final class DetectionSet {
  private DetectionSet() {}

  /**
   * Reads every frame.
   *
   * @throws BadInputException naming the annotation, image or mask file that is bad
   */
  public static List<Frame> read(Path list) {
    List<Frame> out = new ArrayList<>();
    for (Path json : CaesarAnnotationReader.list(list)) {
      out.add(readOne(json));
    }
    return out;
  }

  /** Reads one annotated frame. */
  public static Frame readOne(Path json) {
    CaesarAnnotation a = CaesarAnnotationReader.read(json);
    FitsImage img = FitsReader.read(a.image());
    int nx = a.info().nx();
    int ny = a.info().ny();
    if (img.width() != nx || img.height() != ny) {
      throw new BadInputException(
          a.json(),
          "image "
              + a.image().getFileName()
              + " is "
              + img.width()
              + "x"
              + img.height()
              + " but the annotation says "
              + nx
              + "x"
              + ny);
    }
    List<Instance> truth = new ArrayList<>();
    for (CaesarObject o : a.objects()) {
      byte[] mask = CaesarAnnotationReader.readMask(a, o);
      PixelSet.fromMask(mask, nx, ny)
          .ifPresent(p -> truth.add(Instance.truth(p, o.detectionClass())));
    }
    double bx = beamPixels(a.info().bmaj(), a.info().dx());
    double by = beamPixels(a.info().bmin(), a.info().dy());
    String name = a.json().getFileName().toString().replaceFirst("(?i)\\.json$", "");
    return new Frame(name, img.plane(), truth, bx, by, a.json());
  }

  private static double beamPixels(double arcsec, double pixel) {
    return arcsec > 0 && pixel != 0 ? arcsec / Math.abs(pixel) : 5;
  }
}
