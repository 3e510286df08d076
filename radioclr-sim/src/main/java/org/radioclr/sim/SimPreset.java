package org.radioclr.sim;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.sim.model.PixelBeam;

/**
 * A survey the simulator imitates: observing frequency, pixel scale, restoring beam, noise, default
 * map size and the mix of source families. The presets follow the surveys of the paper (§2.2):
 * ASKAP EMU pilot (944 MHz), MeerKAT SMGPS (1.3 GHz, Galactic plane) and VLA FIRST (1.4 GHz);
 * {@code tiny} is a few hundred pixels for tests.
 *
 * @param name preset name, as typed on the command line
 * @param frequencyHz observing frequency, Hz
 * @param pixelArcsec pixel side, arcsec
 * @param beamMajArcsec beam FWHM major axis, arcsec
 * @param beamMinArcsec beam FWHM minor axis, arcsec
 * @param beamPaDeg beam position angle, degrees east of north
 * @param rmsJy nominal noise rms, Jy/beam
 * @param rmsVariation peak-to-peak fractional variation of the rms across a map (mosaic /
 *     primary-beam pattern), in [0, 1)
 * @param size default map side, pixels
 * @param fields default number of maps
 * @param sourcesPerSqDeg density of simulated sources (all families, down to about 1 sigma)
 * @param familyMix fraction of sources in each family; sums to 1
 * @param galacticPlane whether large-scale Galactic diffuse emission, HII regions and SNR shells
 *     are simulated
 * @param mosaickingFraction fraction of maps with residual mosaicking patterns, in [0, 1]
 */
public record SimPreset(
    String name,
    double frequencyHz,
    double pixelArcsec,
    double beamMajArcsec,
    double beamMinArcsec,
    double beamPaDeg,
    double rmsJy,
    double rmsVariation,
    int size,
    int fields,
    double sourcesPerSqDeg,
    Map<Family, Double> familyMix,
    boolean galacticPlane,
    double mosaickingFraction) {

  public SimPreset {
    positive("frequency", frequencyHz);
    positive("pixel scale", pixelArcsec);
    positive("beam major axis", beamMajArcsec);
    positive("beam minor axis", beamMinArcsec);
    if (beamMinArcsec > beamMajArcsec) {
      throw new IllegalArgumentException(
          "beam minor axis must not exceed the major axis, got "
              + beamMinArcsec
              + "\" > "
              + beamMajArcsec
              + "\"");
    }
    if (beamMajArcsec / pixelArcsec < 1.5) {
      throw new IllegalArgumentException(
          "the beam must span at least 1.5 pixels, got " + beamMajArcsec / pixelArcsec);
    }
    positive("noise rms", rmsJy);
    if (!(rmsVariation >= 0 && rmsVariation < 1)) {
      throw new IllegalArgumentException("rms variation must be in [0, 1), got " + rmsVariation);
    }
    if (size < 64 || size > 65536) {
      throw new IllegalArgumentException("map size must be in [64, 65536] pixels, got " + size);
    }
    if (fields < 1 || fields > 10000) {
      throw new IllegalArgumentException("number of fields must be in [1, 10000], got " + fields);
    }
    if (!(sourcesPerSqDeg >= 0) || Double.isInfinite(sourcesPerSqDeg)) {
      throw new IllegalArgumentException("source density must be >= 0, got " + sourcesPerSqDeg);
    }
    familyMix = new EnumMap<>(familyMix);
    double sum = 0;
    for (Map.Entry<Family, Double> e : familyMix.entrySet()) {
      if (!(e.getValue() >= 0)) {
        throw new IllegalArgumentException(
            "family fraction of " + e.getKey() + " must be >= 0, got " + e.getValue());
      }
      sum += e.getValue();
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("family mix must sum to 1, got " + sum + " " + familyMix);
    }
    familyMix = Map.copyOf(familyMix);
    if (!(mosaickingFraction >= 0 && mosaickingFraction <= 1)) {
      throw new IllegalArgumentException(
          "mosaicking fraction must be in [0, 1], got " + mosaickingFraction);
    }
  }

  private static void positive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
    }
  }

  /**
   * Source densities per family, deg^-2; the preset stores their sum and fractions. Compact
   * densities are the counts of {@code org.radioclr.sim.sky.SourceCounts} above about 1 rms at the
   * preset's frequency (EMU: 5400 above 30 µJy, i.e. about 810 above 5 rms as in the EMU pilot
   * catalogue); radio galaxies follow the extended-source catalogues (EMU pilot: some 40 deg^-2);
   * peculiar objects are set so that 1–3% of 256x256 frames taken every 128 pixels hold one (about
   * 5 per 4096x4096 map); artefacts sit around the sources above 500 rms.
   */
  private record Densities(
      double compact, double radioGalaxy, double diffuse, double peculiar, double artefact) {

    double total() {
      return compact + radioGalaxy + diffuse + peculiar + artefact;
    }

    Map<Family, Double> mix() {
      double t = total();
      return Map.of(
          Family.COMPACT, compact / t,
          Family.RADIO_GALAXY, radioGalaxy / t,
          Family.DIFFUSE, diffuse / t,
          Family.PECULIAR, peculiar / t,
          Family.ARTEFACT, artefact / t);
    }
  }

  /** Tiny: 384^2 pixels of 2" (0.046 deg^2): about 60 compact sources and 3–6 of each other. */
  private static final Densities TINY_DENSITY = new Densities(1320, 132, 110, 66, 66);

  /** EMU pilot: 5.2 deg^2 per 4096^2 map. */
  private static final Densities EMU_DENSITY = new Densities(5400, 40, 4, 0.97, 8);

  /** SMGPS: 1.57 deg^2 per 4096^2 map; Galactic plane, rich in diffuse emission. */
  private static final Densities SMGPS_DENSITY = new Densities(9400, 30, 40, 3.2, 12);

  /** FIRST: 4.2 deg^2 per 4096^2 map. */
  private static final Densities FIRST_DENSITY = new Densities(590, 15, 1, 1.2, 2);

  /** For tests: a few hundred pixels, a handful of each family. */
  public static final SimPreset TINY =
      new SimPreset(
          "tiny",
          1.4e9,
          2.0,
          10.0,
          10.0,
          0.0,
          50e-6,
          0.2,
          384,
          1,
          TINY_DENSITY.total(),
          TINY_DENSITY.mix(),
          false,
          0.0);

  /** ASKAP EMU pilot-like: 944 MHz, 2"/pixel, 13" x 11" beam, 30 µJy/beam. */
  public static final SimPreset EMU_PILOT =
      new SimPreset(
          "emu-pilot",
          944e6,
          2.0,
          13.0,
          11.0,
          30.0,
          30e-6,
          0.3,
          4096,
          1,
          EMU_DENSITY.total(),
          EMU_DENSITY.mix(),
          false,
          0.5);

  /** MeerKAT SMGPS-like: 1.3 GHz, 1.1"/pixel, 8" beam, 15 µJy/beam, Galactic plane. */
  public static final SimPreset SMGPS =
      new SimPreset(
          "smgps",
          1.3e9,
          1.1,
          8.0,
          8.0,
          0.0,
          15e-6,
          0.3,
          4096,
          1,
          SMGPS_DENSITY.total(),
          SMGPS_DENSITY.mix(),
          true,
          0.3);

  /** VLA FIRST-like: 1.4 GHz, 1.8"/pixel, 5.4" beam, 150 µJy/beam. */
  public static final SimPreset FIRST =
      new SimPreset(
          "first",
          1.4e9,
          1.8,
          5.4,
          5.4,
          0.0,
          150e-6,
          0.1,
          4096,
          1,
          FIRST_DENSITY.total(),
          FIRST_DENSITY.mix(),
          false,
          0.0);

  /** All presets, in the order the CLI lists them. */
  public static final List<SimPreset> ALL = List.of(TINY, EMU_PILOT, SMGPS, FIRST);

  /**
   * The preset of that name.
   *
   * @throws IllegalArgumentException naming the known presets when there is none
   */
  public static SimPreset named(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(p -> p.name().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown preset '"
                        + name
                        + "'; known: "
                        + ALL.stream().map(SimPreset::name).collect(Collectors.joining(", "))));
  }

  /** The beam in map pixels. */
  public PixelBeam pixelBeam() {
    return PixelBeam.fromFwhm(beamMajArcsec, beamMinArcsec, beamPaDeg, pixelArcsec);
  }

  /** This preset with another map size. */
  public SimPreset withSize(int newSize) {
    return copy(rmsJy, newSize, fields, familyMix);
  }

  /** This preset with another number of fields. */
  public SimPreset withFields(int newFields) {
    return copy(rmsJy, size, newFields, familyMix);
  }

  /** This preset with another nominal noise rms, Jy/beam. */
  public SimPreset withRms(double newRmsJy) {
    return copy(newRmsJy, size, fields, familyMix);
  }

  /** This preset with another family mix (fractions summing to 1; families left out are 0). */
  public SimPreset withFamilyMix(Map<Family, Double> newMix) {
    return copy(rmsJy, size, fields, newMix);
  }

  private SimPreset copy(double rms, int newSize, int newFields, Map<Family, Double> mix) {
    return new SimPreset(
        name,
        frequencyHz,
        pixelArcsec,
        beamMajArcsec,
        beamMinArcsec,
        beamPaDeg,
        rms,
        rmsVariation,
        newSize,
        newFields,
        sourcesPerSqDeg,
        mix,
        galacticPlane,
        mosaickingFraction);
  }
}
