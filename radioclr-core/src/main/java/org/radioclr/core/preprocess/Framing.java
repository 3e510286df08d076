package org.radioclr.core.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.radioclr.core.image.Plane;

/**
 * Which part of a source-centred image the network sees: a centred square cut out before the
 * channel recipes run (and then resized to the output size), so a source fills the frame whatever
 * the cutout's field. In JSON an object whose {@code "type"} is {@code centre} ({@link
 * CentreFraming}, a fixed fraction of the field) or {@code emission} ({@link EmissionFraming}, the
 * extent of the emission around the centre, found per image).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CentreFraming.class, name = "centre"),
  @JsonSubTypes.Type(value = EmissionFraming.class, name = "emission")
})
public sealed interface Framing permits CentreFraming, EmissionFraming {

  /**
   * The side in pixels of the centred square to keep, between 1 and {@code min(width, height)}.
   *
   * @param image the whole image (left unchanged)
   * @param workspace the calling thread's scratch buffers
   */
  int side(Plane image, Workspace workspace);

  /** The framing in words, e.g. {@code centre 50% of the field kept}. */
  String describe();

  /**
   * The centred square of side {@link #side} as a new plane ({@code image} itself when the square
   * is the whole image).
   */
  default Plane frame(Plane image, Workspace workspace) {
    int side = side(image, workspace);
    int w = image.width();
    int h = image.height();
    if (side == w && side == h) {
      return image;
    }
    int x0 = (w - side) / 2;
    int y0 = (h - side) / 2;
    float[] out = new float[side * side];
    float[] in = image.data();
    for (int y = 0; y < side; y++) {
      System.arraycopy(in, (y0 + y) * w + x0, out, y * side, side);
    }
    return new Plane(side, side, out);
  }
}
