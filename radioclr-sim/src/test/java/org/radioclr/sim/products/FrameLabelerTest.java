package org.radioclr.sim.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

class FrameLabelerTest {
  /** Test beam: 28.3 pixels; 10 beams = 283 pixels, 3 beams = 85 pixels. */
  private final FrameLabeler labeler =
      new FrameLabeler(FrameLabelRules.DEFAULT, TestFields.beamAreaPixels());

  private static final PixelBox FRAME = PixelBox.ofSize(100, 100, 64, 64);

  private List<FrameLabel> labels(MosaickingRegions mosaic, SourceTruth... truths) {
    return labeler.labels(FRAME, MaskIndex.of(List.of(truths)), mosaic);
  }

  private List<FrameLabel> labels(SourceTruth... truths) {
    return labels(MosaickingRegions.NONE, truths);
  }

  private static SourceTruth box(
      Morphology m, DetectionClass c, double snr, int x0, int y0, int w, int h) {
    return TestFields.boxTruth(1, m, c, snr, x0, y0, w, h);
  }

  /** A small (5x5 = 25 pixel) bright source inside the frame. */
  private static SourceTruth small(Morphology m, DetectionClass c) {
    return box(m, c, 20, 120, 120, 5, 5);
  }

  @Test
  void emptyFramesAreBackground() {
    assertEquals(List.of(FrameLabel.BACKGROUND), labels());
    // a source outside the frame
    assertEquals(
        List.of(FrameLabel.BACKGROUND),
        labels(box(Morphology.POINT, DetectionClass.COMPACT, 50, 10, 10, 5, 5)));
    // a faint source (SNR 4 < 5) inside it
    assertEquals(
        List.of(FrameLabel.BACKGROUND),
        labels(box(Morphology.POINT, DetectionClass.COMPACT, 4, 120, 120, 5, 5)));
  }

  @Test
  void eachFamilyGivesItsLabel() {
    assertEquals(
        List.of(FrameLabel.COMPACT), labels(small(Morphology.POINT, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.COMPACT),
        labels(small(Morphology.CLOSE_DOUBLE, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.RADIO_GALAXY), labels(small(Morphology.FR2, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.DIFFUSE),
        labels(small(Morphology.DIFFUSE_BLOB, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.DIFFUSE), labels(small(Morphology.HII_REGION, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.DIFFUSE), labels(small(Morphology.SNR_SHELL, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.FILAMENT), labels(small(Morphology.FILAMENT, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.ARTEFACT),
        labels(small(Morphology.ARTEFACT_RING, DetectionClass.SPURIOUS)));
    assertEquals(
        List.of(FrameLabel.ARTEFACT),
        labels(small(Morphology.ARTEFACT_SPOKES, DetectionClass.SPURIOUS)));
    assertEquals(
        List.of(FrameLabel.PECULIAR), labels(small(Morphology.ORC, DetectionClass.COMPACT)));
    assertEquals(
        List.of(FrameLabel.PECULIAR), labels(small(Morphology.X_SHAPED, DetectionClass.COMPACT)));
  }

  @Test
  void extendedBySizeOrByClass() {
    // 20x15 = 300 pixels >= 10 beams (283): extended, so no COMPACT label
    assertEquals(
        List.of(FrameLabel.EXTENDED),
        labels(box(Morphology.RESOLVED, DetectionClass.COMPACT, 20, 110, 110, 20, 15)));
    // 20x14 = 280 < 283 pixels: compact
    assertEquals(
        List.of(FrameLabel.COMPACT),
        labels(box(Morphology.RESOLVED, DetectionClass.COMPACT, 20, 110, 110, 20, 14)));
    // small but of an extended detection class
    assertEquals(
        List.of(FrameLabel.EXTENDED), labels(small(Morphology.RESOLVED, DetectionClass.EXTENDED)));
    assertEquals(
        List.of(FrameLabel.EXTENDED, FrameLabel.RADIO_GALAXY),
        labels(small(Morphology.FR1, DetectionClass.EXTENDED_MULTISLAND)));
    assertEquals(
        List.of(FrameLabel.EXTENDED, FrameLabel.PECULIAR),
        labels(box(Morphology.ORC, DetectionClass.COMPACT, 20, 100, 100, 30, 30)));
    // large diffuse emission and artefacts are not EXTENDED
    assertEquals(
        List.of(FrameLabel.DIFFUSE),
        labels(box(Morphology.DIFFUSE_BLOB, DetectionClass.EXTENDED, 20, 100, 100, 30, 30)));
    assertEquals(
        List.of(FrameLabel.ARTEFACT),
        labels(box(Morphology.ARTEFACT_RING, DetectionClass.SPURIOUS, 20, 100, 100, 30, 30)));
  }

  @Test
  void largeDiffuseRegionsByFrameCoverage() {
    // 64 x 16 = 1024 pixels = 25% of the 4096-pixel frame
    assertEquals(
        List.of(FrameLabel.DIFFUSE_LARGE),
        labels(box(Morphology.DIFFUSE_LARGE, DetectionClass.EXTENDED, 20, 100, 100, 64, 16)));
    assertEquals(
        List.of(FrameLabel.DIFFUSE),
        labels(box(Morphology.DIFFUSE_LARGE, DetectionClass.EXTENDED, 20, 100, 100, 64, 15)));
    // a huge region of which the frame sees a 64 x 40 part (2560 pixels, under 50% of it)
    assertEquals(
        List.of(FrameLabel.DIFFUSE_LARGE),
        labels(box(Morphology.DIFFUSE_LARGE, DetectionClass.EXTENDED, 20, 0, 124, 400, 300)));
  }

  @Test
  void presenceNeedsHalfTheMaskOrThreeBeams() {
    // 10x10 source, 5 columns in the frame: 50% inside -> present
    assertEquals(
        List.of(FrameLabel.COMPACT),
        labels(box(Morphology.RESOLVED, DetectionClass.COMPACT, 20, 95, 120, 10, 10)));
    // 4 columns in: 40% and 40 pixels < 85 -> absent
    assertEquals(
        List.of(FrameLabel.BACKGROUND),
        labels(box(Morphology.RESOLVED, DetectionClass.COMPACT, 20, 94, 120, 10, 10)));
    // a 40x40 radio galaxy with 9 of its columns in the frame: 360 pixels >= 3 beams -> present
    assertEquals(
        List.of(FrameLabel.EXTENDED, FrameLabel.RADIO_GALAXY),
        labels(box(Morphology.FR2, DetectionClass.EXTENDED_MULTISLAND, 20, 69, 110, 40, 40)));
    // only 2 columns: 80 pixels < 85 and 5% -> absent
    assertEquals(
        List.of(FrameLabel.BACKGROUND),
        labels(box(Morphology.FR2, DetectionClass.EXTENDED_MULTISLAND, 20, 62, 110, 40, 40)));
  }

  @Test
  void mosaickingComesFromTheRegions() {
    MosaickingRegions seam = MosaickingRegions.of(List.of(new PixelBox(163, 0, 170, 500)));
    assertEquals(List.of(FrameLabel.BACKGROUND, FrameLabel.MOSAICKING), labels(seam));
    MosaickingRegions away = MosaickingRegions.of(List.of(new PixelBox(164, 0, 170, 500)));
    assertEquals(List.of(FrameLabel.BACKGROUND), labels(away));
    assertEquals(
        List.of(FrameLabel.COMPACT, FrameLabel.MOSAICKING),
        labels(seam, small(Morphology.POINT, DetectionClass.COMPACT)));
  }

  @Test
  void severalSourcesGiveSeveralLabelsInEnumOrder() {
    List<SourceTruth> many = new ArrayList<>();
    many.add(
        TestFields.boxTruth(
            1, Morphology.ARTEFACT_SPOKES, DetectionClass.SPURIOUS, 30, 101, 101, 4, 4));
    many.add(TestFields.boxTruth(2, Morphology.POINT, DetectionClass.COMPACT, 30, 110, 110, 4, 4));
    many.add(
        TestFields.boxTruth(3, Morphology.FILAMENT, DetectionClass.EXTENDED, 30, 120, 120, 4, 4));
    many.add(
        TestFields.boxTruth(4, Morphology.X_SHAPED, DetectionClass.COMPACT, 30, 130, 130, 4, 4));
    assertEquals(
        List.of(FrameLabel.COMPACT, FrameLabel.FILAMENT, FrameLabel.ARTEFACT, FrameLabel.PECULIAR),
        labeler.labels(FRAME, MaskIndex.of(many), MosaickingRegions.NONE));
    assertEquals(0, FrameLabeler.id(FrameLabel.BACKGROUND));
    assertEquals(3, FrameLabeler.id(FrameLabel.RADIO_GALAXY));
    assertEquals(9, FrameLabeler.id(FrameLabel.MOSAICKING));
  }

  @Test
  void badRulesNameTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new FrameLabelRules(5, 1.5, 3, 10, 0.25));
    assertEquals("presence fraction must be in (0, 1], got 1.5", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new FrameLabeler(FrameLabelRules.DEFAULT, 0));
  }
}
