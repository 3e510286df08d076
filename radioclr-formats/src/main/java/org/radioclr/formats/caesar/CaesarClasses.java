package org.radioclr.formats.caesar;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.radioclr.formats.labels.DetectionClass;

/**
 * caesar-mrcnn's class names and their {@link DetectionClass}: {@code spurious, compact, extended,
 * extended-multisland, flagged}, and the older names of its first data sets ({@code sidelobe} for
 * spurious, {@code source} for compact, {@code galaxy}, {@code galaxy_C2}, {@code galaxy_C3} for
 * extended).
 */
public final class CaesarClasses {
  private static final Map<String, DetectionClass> NAMES =
      Map.of(
          "spurious", DetectionClass.SPURIOUS,
          "sidelobe", DetectionClass.SPURIOUS,
          "compact", DetectionClass.COMPACT,
          "source", DetectionClass.COMPACT,
          "extended", DetectionClass.EXTENDED,
          "galaxy", DetectionClass.EXTENDED,
          "galaxy_c2", DetectionClass.EXTENDED,
          "galaxy_c3", DetectionClass.EXTENDED,
          "extended-multisland", DetectionClass.EXTENDED_MULTISLAND,
          "flagged", DetectionClass.FLAGGED);

  private CaesarClasses() {}

  /** caesar-mrcnn's name of a detection class, e.g. {@code extended-multisland}. */
  public static String name(DetectionClass c) {
    return c.label().toLowerCase(Locale.ROOT);
  }

  /** The class of a caesar-mrcnn class name (any case), empty when the name is unknown. */
  public static Optional<DetectionClass> parse(String name) {
    return Optional.ofNullable(NAMES.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The class caesar-mrcnn's loader assigns (its {@code modify_class_names}): a flagged object
   * ({@code sidelobe-mixed = 1}) is FLAGGED, an extended one of more than one island is
   * EXTENDED-MULTISLAND.
   */
  public static DetectionClass effective(DetectionClass named, int nislands, boolean mixed) {
    if (mixed) {
      return DetectionClass.FLAGGED;
    }
    if (named == DetectionClass.EXTENDED && nislands > 1) {
      return DetectionClass.EXTENDED_MULTISLAND;
    }
    return named;
  }
}
