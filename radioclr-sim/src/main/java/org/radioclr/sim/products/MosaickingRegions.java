package org.radioclr.sim.products;

import java.util.List;
import java.util.Objects;
import org.radioclr.formats.mask.PixelBox;

/**
 * Where a map shows residual mosaicking patterns (seams between the pointings of a mosaic), as a
 * predicate on frames: {@link FrameLabeler} gives a frame the MOSAICKING label of the paper's §5.1
 * when its box {@link #intersects} a region. The map simulator knows where it put the patterns;
 * {@link #of(List)} turns its rectangles into regions, {@link #NONE} is a map without any.
 */
@FunctionalInterface
public interface MosaickingRegions {

  /** No mosaicking pattern anywhere. */
  MosaickingRegions NONE = frame -> false;

  /** Whether the frame (map pixels, inclusive) overlaps a mosaicking pattern. */
  boolean intersects(PixelBox frame);

  /** Regions made of rectangles of map pixels. */
  static MosaickingRegions of(List<PixelBox> rectangles) {
    List<PixelBox> copy = List.copyOf(rectangles);
    return frame -> {
      Objects.requireNonNull(frame, "frame");
      for (PixelBox r : copy) {
        if (r.intersects(frame)) {
          return true;
        }
      }
      return false;
    };
  }
}
