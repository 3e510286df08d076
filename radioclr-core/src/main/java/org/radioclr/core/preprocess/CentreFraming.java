package org.radioclr.core.preprocess;

import org.radioclr.core.image.Plane;

/**
 * A fixed field: the centred square whose side is {@code fraction} of the image's shorter side.
 *
 * @param fraction in (0, 1]
 */
public record CentreFraming(double fraction) implements Framing {

  public CentreFraming {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
  }

  @Override
  public int side(Plane image, Workspace workspace) {
    int shorter = Math.min(image.width(), image.height());
    return (int) Math.max(1, Math.min(shorter, Math.round(fraction * shorter)));
  }

  /** {@code centre 50% of the field kept}. */
  @Override
  public String describe() {
    return "centre " + RecipeText.percent(fraction) + " of the field kept";
  }
}
