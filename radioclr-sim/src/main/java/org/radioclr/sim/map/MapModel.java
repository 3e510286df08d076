package org.radioclr.sim.map;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.BandContribution;
import org.radioclr.sim.model.PixelBeam;

/**
 * One simulated field's map without its sources: beam-correlated thermal noise whose rms follows
 * the mosaic pattern, the blank border, residual mosaicking patterns on some fields, and on
 * Galactic-plane presets large-scale diffuse emission; plus the field's WCS. Sources are added by
 * {@link MapWriter} as {@link BandContribution}s.
 *
 * <p>A pixel of the written map is {@code blank ? 0 : (float) (rms(x, y) · n(x, y) + diffuse(x, y))
 * + rms(x, y) · residual(x, y) + Σ sources}, where n is unit-variance {@link CorrelatedNoise}. All
 * parts are pure functions of the pixel position, the seed and the field index, so bands can be
 * rendered in any order and on any thread; {@link #rmsAt}, {@link #inFootprint}, {@link #diffuseAt}
 * and {@link #mosaickingAt} give the truth builder the same values the map holds.
 *
 * <p>Randomness: everything derives from {@code (seed, fieldIndex)}: a {@link SplittableRandom}
 * split once per component (layout, residuals, diffuse emission) and counter-based keys for the
 * noise fields. Whether a field has mosaicking residuals is drawn with probability {@code
 * preset.mosaickingFraction()}. Immutable and thread-safe.
 */
public final class MapModel {
  private final SimPreset preset;
  private final int width;
  private final int height;
  private final long seed;
  private final int fieldIndex;
  private final MapWcs wcs;
  private final PixelBeam beam;
  private final CorrelatedNoise noise;
  private final long noiseKey;
  private final MosaicPattern mosaic;
  private final MosaicResiduals residuals;
  private final DiffuseEmission diffuse; // null when none

  private MapModel(SimPreset preset, int width, int height, long seed, int fieldIndex) {
    this.preset = preset;
    this.width = width;
    this.height = height;
    this.seed = seed;
    this.fieldIndex = fieldIndex;
    this.wcs = MapWcs.forField(preset, fieldIndex, width, height);
    this.beam = preset.pixelBeam();
    this.noise = CorrelatedNoise.forBeam(beam);
    long fieldKey = CounterNoise.key(seed, fieldIndex);
    this.noiseKey = CounterNoise.key(fieldKey, 1);
    SplittableRandom root = new SplittableRandom(fieldKey);
    SplittableRandom layoutRng = root.split();
    SplittableRandom residualRng = root.split();
    SplittableRandom diffuseRng = root.split();
    this.mosaic = new MosaicPattern(width, height, preset.rmsVariation(), true, layoutRng);
    double beamFwhmPx = preset.beamMajArcsec() / preset.pixelArcsec();
    boolean mosaicking = root.nextDouble() < preset.mosaickingFraction();
    this.residuals =
        mosaicking
            ? MosaicResiduals.random(width, height, beamFwhmPx, residualRng)
            : MosaicResiduals.none();
    this.diffuse =
        preset.galacticPlane()
            ? DiffuseEmission.galactic(
                width,
                height,
                preset.rmsJy(),
                planeLine(wcs),
                CounterNoise.key(fieldKey, 2),
                diffuseRng)
            : null;
  }

  /**
   * The map of field {@code fieldIndex} of a simulation with {@code seed}.
   *
   * @throws IllegalArgumentException for a size below 16 or above 65536 pixels, or a negative field
   *     index
   */
  public static MapModel create(
      SimPreset preset, int width, int height, long seed, int fieldIndex) {
    Objects.requireNonNull(preset, "preset");
    if (width < 16 || height < 16 || width > 65536 || height > 65536) {
      throw new IllegalArgumentException(
          "map size must be in [16, 65536] pixels per side, got " + width + "x" + height);
    }
    if (fieldIndex < 0) {
      throw new IllegalArgumentException("field index must be >= 0, got " + fieldIndex);
    }
    return new MapModel(preset, width, height, seed, fieldIndex);
  }

  /** The Galactic plane (b = 0) through the map as two pixel positions, from the WCS. */
  private static double[] planeLine(MapWcs wcs) {
    SkyCoord centre =
        new SkyCoord(wcs.raDeg(), wcs.decDeg(), CelestialFrame.ICRS).to(CelestialFrame.GALACTIC);
    double delta = Math.max(wcs.width(), wcs.height()) * wcs.pixelDeg() / 2;
    SkyCoord a = new SkyCoord(centre.lon() - delta, 0, CelestialFrame.GALACTIC);
    SkyCoord b = new SkyCoord(centre.lon() + delta, 0, CelestialFrame.GALACTIC);
    SkyCoord ai = a.to(CelestialFrame.ICRS);
    SkyCoord bi = b.to(CelestialFrame.ICRS);
    double[] pa = wcs.skyToPixel(ai.lon(), ai.lat());
    double[] pb = wcs.skyToPixel(bi.lon(), bi.lat());
    if (Double.isNaN(pa[0])
        || Double.isNaN(pb[0])
        || Math.hypot(pb[0] - pa[0], pb[1] - pa[1]) < 1) {
      return null;
    }
    return new double[] {pa[0], pa[1], pb[0], pb[1]};
  }

  public SimPreset preset() {
    return preset;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public long seed() {
    return seed;
  }

  public int fieldIndex() {
    return fieldIndex;
  }

  /** The field's SIN WCS. */
  public MapWcs wcs() {
    return wcs;
  }

  /** The restoring beam in pixels. */
  public PixelBeam beam() {
    return beam;
  }

  /** The noise filter (rows of margin a band needs, kernel). */
  public CorrelatedNoise noise() {
    return noise;
  }

  /** The pointing mosaic behind the rms pattern and the footprint. */
  public MosaicPattern mosaic() {
    return mosaic;
  }

  /**
   * Local noise rms at pixel (x, y), Jy/beam: the preset's rms times the mosaic factor (median 1
   * over the footprint). Defined (extrapolated) outside the footprint too, where the map is blank.
   */
  public double rmsAt(int x, int y) {
    return preset.rmsJy() * mosaic.rmsFactor(x, y);
  }

  /** Whether pixel (x, y) has data; outside the footprint the map is exactly 0. */
  public boolean inFootprint(int x, int y) {
    return mosaic.inFootprint(x, y);
  }

  /** Large-scale diffuse emission at pixel (x, y), Jy/beam; 0 without it. */
  public double diffuseAt(int x, int y) {
    return diffuse == null ? 0 : diffuse.at(x, y);
  }

  /** The diffuse emission, present on Galactic-plane presets. */
  public Optional<DiffuseEmission> diffuse() {
    return Optional.ofNullable(diffuse);
  }

  /** Whether this field has residual mosaicking patterns. */
  public boolean hasMosaicking() {
    return !residuals.isEmpty();
  }

  /** The rectangles with residual mosaicking patterns (empty when none). */
  public List<MosaicRegion> mosaickingRegions() {
    return residuals.regions();
  }

  /** Whether pixel (x, y) lies in a mosaicking-pattern rectangle. */
  public boolean mosaickingAt(int x, int y) {
    return residuals.affects(x, y);
  }

  /**
   * Renders rows {@code [y0, y0 + rows)} into {@code out[0 .. rows * width)} (row-major, Jy/beam):
   * noise, diffuse emission, mosaicking residuals, then the contributions in list order (those
   * whose rows meet the band), then the blank border set to exactly 0. The result for a row does
   * not depend on {@code y0} or {@code rows}.
   */
  public void renderBand(int y0, int rows, List<? extends BandContribution> sources, float[] out) {
    if (y0 < 0 || rows < 1 || y0 + rows > height) {
      throw new IllegalArgumentException(
          "band rows ["
              + y0
              + ", "
              + (y0 + rows)
              + ") must lie in [0, "
              + height
              + ") and be non-empty");
    }
    noise.fillBand(noiseKey, y0, rows, width, out);
    boolean[] blank = new boolean[rows * width];
    double[] scale = new double[width];
    double[] extended = new double[width];
    double rms0 = preset.rmsJy();
    for (int i = 0; i < rows; i++) {
      int y = y0 + i;
      int base = i * width;
      mosaic.rmsRow(y, scale);
      if (diffuse != null) {
        diffuse.row(y, extended); // = diffuseAt(x, y)
      }
      for (int x = 0; x < width; x++) {
        double r = rms0 * scale[x]; // = rmsAt(x, y)
        scale[x] = r;
        out[base + x] = (float) (out[base + x] * r + extended[x]);
      }
      residuals.addRow(y, out, base, scale);
      mosaic.blankRow(y, blank, base);
    }
    int yLast = y0 + rows - 1;
    for (BandContribution c : sources) {
      if (c.yMax() >= y0 && c.yMin() <= yLast) {
        c.addTo(out, y0, rows, width);
      }
    }
    for (int i = 0; i < blank.length; i++) {
      if (blank[i]) {
        out[i] = 0f;
      }
    }
  }
}
