package org.radioclr.sim.products;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.formats.labels.Morphology.Family;

/**
 * Settings of the source-classification benchmark (paper §3.1): which sources get a banner cutout
 * labelled with their Radio Galaxy Zoo class, and how the balanced train/test sets are drawn
 * ({@link BalancedSplit}).
 *
 * @param minSnr smallest peak SNR of a source in the set (10: bright enough for its components and
 *     peaks to be seen)
 * @param families source families in the set (COMPACT and RADIO_GALAXY: the populations the RGZ C/P
 *     scheme describes; diffuse emission, artefacts and peculiar objects are left out)
 * @param classes the RGZ classes, in class-id order (the paper's six)
 * @param trainFraction fraction of each class's share that goes to training (0.625 = the paper's
 *     1000 train : 600 test)
 * @param minPerClass fewest sources a class needs to take part in the split (2)
 * @param banner the banner cutout settings (the paper's 1.5 × box, 32 to 4096 pixels, and no cutout
 *     that the pre-processing would reject: at most {@link
 *     PreprocessConfig#DEFAULT_MAX_INVALID_FRACTION} of its pixels off the map or on its blank
 *     border)
 */
public record ClassificationConfig(
    double minSnr,
    Set<Family> families,
    List<String> classes,
    double trainFraction,
    int minPerClass,
    BannerConfig banner) {

  /** The six RGZ classes of the paper, in class-id order. */
  public static final List<String> RGZ_CLASSES =
      List.of("1C-1P", "1C-2P", "1C-3P", "2C-2P", "2C-3P", "3C-3P");

  /** The defaults above. */
  public static final ClassificationConfig DEFAULT =
      new ClassificationConfig(
          10,
          EnumSet.of(Family.COMPACT, Family.RADIO_GALAXY),
          RGZ_CLASSES,
          0.625,
          2,
          BannerConfig.PAPER.withMaxBlankFraction(PreprocessConfig.DEFAULT_MAX_INVALID_FRACTION));

  public ClassificationConfig {
    if (!(minSnr >= 0) || Double.isInfinite(minSnr)) {
      throw new IllegalArgumentException("minimum SNR must be finite and >= 0, got " + minSnr);
    }
    if (families == null || families.isEmpty()) {
      throw new IllegalArgumentException("need at least one source family, got " + families);
    }
    families = Set.copyOf(families);
    if (classes == null || classes.isEmpty()) {
      throw new IllegalArgumentException("need at least one class, got " + classes);
    }
    if (classes.stream().distinct().count() != classes.size()) {
      throw new IllegalArgumentException("classes must be distinct, got " + classes);
    }
    classes = List.copyOf(classes);
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("train fraction must be in (0, 1), got " + trainFraction);
    }
    if (minPerClass < 2) {
      throw new IllegalArgumentException("minimum per class must be >= 2, got " + minPerClass);
    }
    Objects.requireNonNull(banner, "banner");
  }
}
