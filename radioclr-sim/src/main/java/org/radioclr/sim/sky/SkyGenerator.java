package org.radioclr.sim.sky;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.SimSource;

/**
 * Draws the sources of one simulated field for a {@link SimPreset}: how many of each family, their
 * morphology, flux, size and position.
 *
 * <p><b>Numbers.</b> The expected count of a family is {@code sourcesPerSqDeg x familyMix x area};
 * the drawn count is its integer part plus one with probability equal to the fraction (unbiased,
 * with the least scatter, so rare families stay rare but present). Morphologies within a family
 * follow {@link #morphologyMix}. Positions are uniform over the map (source centres inside it; the
 * rest of a large source may fall outside).
 *
 * <p><b>Fluxes.</b> Compact sources follow the counts of {@link SourceCounts} from the flux at
 * which the counts reach the compact density (about 1 rms for the survey presets, so most sources
 * sit near the noise) up to 10 Jy. Radio galaxies draw their total flux from {@code dN/dS ∝ S^-1.8}
 * between 60 and 20000 rms, X-shaped and other peculiar galaxies between 100 and 10000 rms; diffuse
 * sources, ORCs and artefacts are set by surface brightness (see the shape classes).
 *
 * <p><b>Artefacts.</b> Rings and spokes surround hosts whose convolved peak exceeds {@value
 * #HOST_PEAK_SIGMAS} rms; a quarter of the artefacts share a host with one of the other kind. When
 * the sky has too few such sources, random point sources are brightened into hosts ({@code S^-1.8}
 * from 1.2 to 50 times the threshold). With probability {@value #COMPANION_PROBABILITY} a faint
 * point source (5–20 rms) is moved onto the artefact, where the truth will call it FLAGGED. A sky
 * with no compact source to host artefacts gets none.
 *
 * <p>Ids run 0..n-1: compact, radio galaxies, diffuse, peculiar, artefacts. The same preset, size
 * and random state give equal lists.
 */
public final class SkyGenerator {

  /** Convolved peak, in nominal rms, above which a source hosts imaging artefacts. */
  public static final double HOST_PEAK_SIGMAS = 500;

  /** Probability that a faint source is placed inside an artefact. */
  public static final double COMPANION_PROBABILITY = 0.3;

  /** Largest flux of any source, Jy. */
  public static final double MAX_FLUX_JY = 10;

  private static final Morphology[] ORDER = Morphology.values();

  private final SimPreset preset;
  private final ShapeKit kit;
  private final SourceCounts counts;

  public SkyGenerator(SimPreset preset) {
    this.preset = Objects.requireNonNull(preset, "preset");
    this.kit = new ShapeKit(preset.pixelBeam(), preset.pixelArcsec(), preset.rmsJy());
    this.counts = new SourceCounts(preset.frequencyHz());
  }

  /** The morphologies of a family with their fractions (sum 1). */
  public static Map<Morphology, Double> morphologyMix(Family family, boolean galacticPlane) {
    Map<Morphology, Double> m = new EnumMap<>(Morphology.class);
    switch (family) {
      case COMPACT -> {
        m.put(Morphology.POINT, 0.82);
        m.put(Morphology.RESOLVED, 0.12);
        m.put(Morphology.CLOSE_DOUBLE, 0.05);
        m.put(Morphology.CLOSE_TRIPLE, 0.01);
      }
      case RADIO_GALAXY -> {
        m.put(Morphology.FR1, 0.22);
        m.put(Morphology.FR2, 0.40);
        m.put(Morphology.FR2_MULTI_ISLAND, 0.14);
        m.put(Morphology.WAT, 0.09);
        m.put(Morphology.NAT, 0.07);
        m.put(Morphology.DOUBLE_DOUBLE, 0.08);
      }
      case DIFFUSE -> {
        if (galacticPlane) {
          m.put(Morphology.DIFFUSE_BLOB, 0.25);
          m.put(Morphology.DIFFUSE_LARGE, 0.15);
          m.put(Morphology.HII_REGION, 0.35);
          m.put(Morphology.SNR_SHELL, 0.10);
          m.put(Morphology.FILAMENT, 0.15);
        } else {
          m.put(Morphology.DIFFUSE_BLOB, 0.50);
          m.put(Morphology.DIFFUSE_LARGE, 0.20);
          m.put(Morphology.FILAMENT, 0.30);
        }
      }
      case PECULIAR -> {
        m.put(Morphology.ORC, 0.35);
        m.put(Morphology.X_SHAPED, 0.35);
        m.put(Morphology.PECULIAR_OTHER, 0.30);
      }
      case ARTEFACT -> {
        m.put(Morphology.ARTEFACT_RING, 0.5);
        m.put(Morphology.ARTEFACT_SPOKES, 0.5);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** Sky area of a {@code width x height} map, deg². */
  public double areaSqDeg(int width, int height) {
    double side = preset.pixelArcsec() / 3600;
    return (double) width * height * side * side;
  }

  /** Faintest compact source flux, Jy: where the counts reach the compact density. */
  public double compactFluxFloorJy() {
    double density =
        preset.sourcesPerSqDeg() * preset.familyMix().getOrDefault(Family.COMPACT, 0.0);
    return density > 0
        ? Math.min(counts.fluxForDensity(density), MAX_FLUX_JY / 2)
        : MAX_FLUX_JY / 2;
  }

  /**
   * The sources of one {@code width x height} field.
   *
   * @param rng random state; consumed (split) by this call
   */
  public List<SimSource> generate(int width, int height, SplittableRandom rng) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("map must be at least 1x1, got " + width + "x" + height);
    }
    SplittableRandom countRng = rng.split();
    Map<Family, SplittableRandom> famRng = new EnumMap<>(Family.class);
    for (Family f : Family.values()) {
      famRng.put(f, rng.split());
    }
    double area = areaSqDeg(width, height);
    Map<Family, Integer> n = new EnumMap<>(Family.class);
    for (Family f : Family.values()) {
      double mean = preset.sourcesPerSqDeg() * preset.familyMix().getOrDefault(f, 0.0) * area;
      int k = (int) Math.floor(mean);
      n.put(f, k + (countRng.nextDouble() < mean - k ? 1 : 0));
    }
    List<SimSource> out = new ArrayList<>();
    double rms = preset.rmsJy();
    double floor = compactFluxFloorJy();
    for (Family f :
        new Family[] {Family.COMPACT, Family.RADIO_GALAXY, Family.DIFFUSE, Family.PECULIAR}) {
      SplittableRandom fr = famRng.get(f);
      Morphology[] kinds = kinds(f);
      double[] weights = weights(f, kinds);
      for (int i = 0; i < n.get(f); i++) {
        SplittableRandom r = fr.split();
        Morphology m = kinds[ShapeKit.pick(r, weights)];
        double x = width * r.nextDouble();
        double y = height * r.nextDouble();
        List<Gaussian> comps =
            switch (f) {
              case COMPACT ->
                  CompactShapes.build(kit, m, x, y, counts.sample(floor, MAX_FLUX_JY, r), r);
              case RADIO_GALAXY ->
                  GalaxyShapes.build(
                      kit, m, x, y, cap(ShapeKit.powerLaw(r, 1.8, 60 * rms, 2e4 * rms)), r);
              case DIFFUSE -> DiffuseShapes.build(kit, m, x, y, r);
              case PECULIAR ->
                  PeculiarShapes.build(
                      kit, m, x, y, cap(ShapeKit.powerLaw(r, 1.8, 100 * rms, 1e4 * rms)), r);
              default -> throw new IllegalStateException(f.toString());
            };
        out.add(new SimSource(out.size(), m, comps, -1));
      }
    }
    addArtefacts(out, n.get(Family.ARTEFACT), famRng.get(Family.ARTEFACT));
    return List.copyOf(out);
  }

  private static double cap(double flux) {
    return Math.min(flux, MAX_FLUX_JY);
  }

  private static Morphology[] kinds(Family f) {
    return Arrays.stream(ORDER).filter(m -> m.family() == f).toArray(Morphology[]::new);
  }

  private double[] weights(Family f, Morphology[] kinds) {
    Map<Morphology, Double> mix = morphologyMix(f, preset.galacticPlane());
    double[] w = new double[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      w[i] = mix.getOrDefault(kinds[i], 0.0);
    }
    return w;
  }

  /** Convolved peak of the source's brightest component, Jy/beam (a lower bound of its peak). */
  private double peakOf(SimSource s) {
    double p = 0;
    for (Gaussian g : s.components()) {
      p = Math.max(p, kit.renderer.componentPeak(g));
    }
    return p;
  }

  private Gaussian brightest(SimSource s) {
    Gaussian best = s.components().get(0);
    double p = -1;
    for (Gaussian g : s.components()) {
      double q = kit.renderer.componentPeak(g);
      if (q > p) {
        p = q;
        best = g;
      }
    }
    return best;
  }

  private void addArtefacts(List<SimSource> out, int count, SplittableRandom rng) {
    if (count == 0) {
      return;
    }
    double threshold = HOST_PEAK_SIGMAS * preset.rmsJy();
    List<Integer> hosts = new ArrayList<>();
    List<Integer> points = new ArrayList<>();
    for (SimSource s : out) {
      if (peakOf(s) >= threshold) {
        hosts.add(s.id());
      } else if (s.morphology() == Morphology.POINT) {
        points.add(s.id());
      }
    }
    shuffle(hosts, rng);
    shuffle(points, rng);
    int needed = count - count / 4;
    while (hosts.size() < needed && !points.isEmpty()) {
      int id = points.remove(points.size() - 1);
      Gaussian g = out.get(id).components().get(0);
      double flux = cap(ShapeKit.powerLaw(rng, 1.8, 1.2 * threshold, 50 * threshold));
      out.set(
          id, new SimSource(id, Morphology.POINT, List.of(Gaussian.point(g.x(), g.y(), flux)), -1));
      hosts.add(id);
    }
    if (hosts.isEmpty()) {
      return;
    }
    int distinct = Math.min(needed, hosts.size());
    Morphology[] first = new Morphology[distinct];
    for (int j = 0; j < count; j++) {
      int slot = j % distinct;
      SimSource host = out.get(hosts.get(slot));
      Morphology m;
      if (j < distinct) {
        m = rng.nextBoolean() ? Morphology.ARTEFACT_RING : Morphology.ARTEFACT_SPOKES;
        first[slot] = m;
      } else {
        m =
            first[slot] == Morphology.ARTEFACT_RING
                ? Morphology.ARTEFACT_SPOKES
                : Morphology.ARTEFACT_RING;
      }
      SplittableRandom r = rng.split();
      Gaussian c = brightest(host);
      List<Gaussian> comps = ArtefactShapes.build(kit, m, c.x(), c.y(), peakOf(host), r);
      out.add(new SimSource(out.size(), m, comps, host.id()));
      if (r.nextDouble() < COMPANION_PROBABILITY && !points.isEmpty()) {
        placeCompanion(out, points.remove(points.size() - 1), comps, r);
      }
    }
  }

  /** Moves a point source onto one of the brighter components of an artefact, 5–20 rms. */
  private void placeCompanion(
      List<SimSource> out, int id, List<Gaussian> artefact, SplittableRandom r) {
    double max = 0;
    for (Gaussian g : artefact) {
      max = Math.max(max, kit.renderer.componentPeak(g));
    }
    List<Gaussian> bright = new ArrayList<>();
    for (Gaussian g : artefact) {
      if (kit.renderer.componentPeak(g) >= 0.7 * max) {
        bright.add(g);
      }
    }
    Gaussian at = bright.get(r.nextInt(bright.size()));
    double flux = preset.rmsJy() * ShapeKit.uniform(r, 5, 20);
    out.set(
        id, new SimSource(id, Morphology.POINT, List.of(Gaussian.point(at.x(), at.y(), flux)), -1));
  }

  private static void shuffle(List<Integer> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rng.nextInt(i + 1));
    }
  }
}
