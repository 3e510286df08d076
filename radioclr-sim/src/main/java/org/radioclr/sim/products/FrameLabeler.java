package org.radioclr.sim.products;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.formats.mask.PixelBox;

/**
 * The multi-label annotation of a hulk frame in the scheme of the paper's §5.1, derived from the
 * truth with {@link FrameLabelRules} (which sources count in a frame, which are extended). Over the
 * sources that count:
 *
 * <ul>
 *   <li>COMPACT: a COMPACT-family source (point, resolved, close double/triple) that is not
 *       extended;
 *   <li>EXTENDED: an extended source of the COMPACT, RADIO_GALAXY or PECULIAR family (diffuse
 *       emission and artefacts have labels of their own);
 *   <li>RADIO-GALAXY: a RADIO_GALAXY-family source (FR-I, FR-II, bent tails, double-doubles);
 *   <li>DIFFUSE: a diffuse blob, HII region or SNR shell, or a large diffuse region covering less
 *       than the DIFFUSE-LARGE frame fraction;
 *   <li>DIFFUSE-LARGE: a large diffuse region covering at least that fraction of the frame;
 *   <li>FILAMENT: a filament;
 *   <li>ARTEFACT: an ARTEFACT-family source (rings, spokes);
 *   <li>PECULIAR: a PECULIAR-family source (ORC, X-shaped, other);
 *   <li>BACKGROUND: no source counts;
 *   <li>MOSAICKING: the frame overlaps a mosaicking region (independent of the sources, so
 *       BACKGROUND + MOSAICKING is possible).
 * </ul>
 *
 * Labels are listed in {@link FrameLabel} order; {@link #id(FrameLabel)} is the fixed class id of
 * the datalists (BACKGROUND 0, COMPACT 1, EXTENDED 2, RADIO-GALAXY 3, DIFFUSE 4, DIFFUSE-LARGE 5,
 * FILAMENT 6, ARTEFACT 7, PECULIAR 8, MOSAICKING 9).
 */
public final class FrameLabeler {
  private final FrameLabelRules rules;
  private final double beamAreaPixels;

  /**
   * @param beamAreaPixels beam solid angle in map pixels ({@link MapHeader#beamAreaPixels})
   */
  public FrameLabeler(FrameLabelRules rules, double beamAreaPixels) {
    this.rules = Objects.requireNonNull(rules, "rules");
    if (!(beamAreaPixels > 0) || Double.isInfinite(beamAreaPixels)) {
      throw new IllegalArgumentException(
          "beam area must be finite and > 0 pixels, got " + beamAreaPixels);
    }
    this.beamAreaPixels = beamAreaPixels;
  }

  /** The class id of a label in the frame-label datalists: its position in {@link FrameLabel}. */
  public static int id(FrameLabel label) {
    return label.ordinal();
  }

  /** The labels of {@code frame} (map pixels, inclusive), in {@link FrameLabel} order. */
  public List<FrameLabel> labels(PixelBox frame, MaskIndex sources, MosaickingRegions mosaicking) {
    EnumSet<FrameLabel> set = EnumSet.noneOf(FrameLabel.class);
    boolean any = false;
    for (MaskIndex.Placed p : sources.overlapping(frame)) {
      if (!(p.truth().snr() >= rules.minSnr())) {
        continue;
      }
      int inside = p.pixelsIn(frame);
      if (!present(p.area(), inside)) {
        continue;
      }
      any = true;
      Morphology m = p.truth().source().morphology();
      Family f = m.family();
      boolean extended = isExtended(p);
      switch (f) {
        case COMPACT -> set.add(extended ? FrameLabel.EXTENDED : FrameLabel.COMPACT);
        case RADIO_GALAXY -> {
          set.add(FrameLabel.RADIO_GALAXY);
          if (extended) {
            set.add(FrameLabel.EXTENDED);
          }
        }
        case PECULIAR -> {
          set.add(FrameLabel.PECULIAR);
          if (extended) {
            set.add(FrameLabel.EXTENDED);
          }
        }
        case ARTEFACT -> set.add(FrameLabel.ARTEFACT);
        case DIFFUSE -> {
          switch (m) {
            case FILAMENT -> set.add(FrameLabel.FILAMENT);
            case DIFFUSE_LARGE ->
                set.add(
                    inside >= rules.diffuseLargeFraction() * frame.area()
                        ? FrameLabel.DIFFUSE_LARGE
                        : FrameLabel.DIFFUSE);
            default -> set.add(FrameLabel.DIFFUSE);
          }
        }
        default -> throw new IllegalStateException("unexpected family " + f);
      }
    }
    if (!any) {
      set.add(FrameLabel.BACKGROUND);
    }
    if (mosaicking.intersects(frame)) {
      set.add(FrameLabel.MOSAICKING);
    }
    return new ArrayList<>(set);
  }

  /**
   * Whether a source of {@code area} mask pixels with {@code inside} of them in a frame is there.
   */
  public boolean present(int area, int inside) {
    return inside > 0
        && (inside >= rules.presenceFraction() * area
            || inside >= rules.presenceBeams() * beamAreaPixels);
  }

  /** Whether a source is extended in the sense of {@link FrameLabelRules}. */
  public boolean isExtended(MaskIndex.Placed p) {
    DetectionClass c = p.truth().detectionClass();
    return p.area() >= rules.extendedBeams() * beamAreaPixels
        || c == DetectionClass.EXTENDED
        || c == DetectionClass.EXTENDED_MULTISLAND;
  }
}
