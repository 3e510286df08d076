package org.radioclr.sim.products;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

/**
 * The sources of a field with their mask bounding boxes and areas worked out once, to find quickly
 * which masks reach into a frame. Sources with an empty mask are left out (they are in no frame).
 * Sources are kept ordered by id.
 */
public final class MaskIndex {

  /**
   * One source with a non-empty mask.
   *
   * @param truth the source
   * @param bounds its mask's tight bounding box, map pixels
   * @param area number of mask pixels, {@code >= 1}
   */
  public record Placed(SourceTruth truth, PixelBox bounds, int area) {

    /** Mask pixels inside {@code frame}. */
    public int pixelsIn(PixelBox frame) {
      return bounds.intersects(frame) ? Masks.countInside(truth.mask(), frame) : 0;
    }
  }

  private final List<Placed> placed;

  private MaskIndex(List<Placed> placed) {
    this.placed = placed;
  }

  /** Indexes the sources. */
  public static MaskIndex of(List<SourceTruth> truths) {
    List<Placed> placed = new ArrayList<>();
    for (SourceTruth t : truths) {
      Optional<PixelBox> b = Masks.bounds(t.mask());
      if (b.isPresent()) {
        placed.add(new Placed(t, b.get(), t.mask().area()));
      }
    }
    placed.sort(Comparator.comparingInt(p -> p.truth().source().id()));
    return new MaskIndex(List.copyOf(placed));
  }

  /** All sources with a non-empty mask, by id. */
  public List<Placed> all() {
    return placed;
  }

  /** The sources whose mask box overlaps {@code frame}, by id (their masks may still miss it). */
  public List<Placed> overlapping(PixelBox frame) {
    List<Placed> out = new ArrayList<>();
    for (Placed p : placed) {
      if (p.bounds.intersects(frame)) {
        out.add(p);
      }
    }
    return out;
  }
}
