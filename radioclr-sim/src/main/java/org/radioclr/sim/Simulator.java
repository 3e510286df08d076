package org.radioclr.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.map.MapModel;
import org.radioclr.sim.map.MapWriter;
import org.radioclr.sim.model.BandContribution;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;
import org.radioclr.sim.products.BenchmarkConfig;
import org.radioclr.sim.products.BenchmarkField;
import org.radioclr.sim.products.BenchmarkSets;
import org.radioclr.sim.products.CatalogueWriter;
import org.radioclr.sim.products.MapPreview;
import org.radioclr.sim.products.MosaickingRegions;
import org.radioclr.sim.products.SourceContactSheet;
import org.radioclr.sim.sky.SkyGenerator;
import org.radioclr.sim.sky.SourceRenderer;
import org.radioclr.sim.sky.TruthBuilder;

/**
 * Runs a simulation: for each field, the sky (sources placed inside the map's footprint), the map
 * (noise, sources, diffuse emission, mosaicking residuals) written as FITS, the ground-truth
 * catalogue (CSV and VOTable) and, if asked, previews; then the three benchmark sets over all
 * fields and a {@code provenance.json}. Layout of {@code outDir}:
 *
 * <pre>
 * provenance.json
 * field-000/map.fits  catalogue.csv  catalogue.vot  [map-preview.png  sources.png]
 * sets/hulk/  sets/anomaly/  sets/detection/  sets/classification/
 * </pre>
 */
public final class Simulator {
  private final SimulationConfig config;
  private final ProgressListener progress;

  public Simulator(SimulationConfig config, ProgressListener progress) {
    this.config = config;
    this.progress = progress;
  }

  /** What was written. */
  public record Result(List<Field> fields, BenchmarkSets.Summary sets) {}

  /** One simulated field. */
  public record Field(String name, Path map, Path catalogue, List<SourceTruth> truths) {

    /** Number of sources detected above the mask threshold. */
    public long detected() {
      return truths.stream().filter(SourceTruth::detected).count();
    }
  }

  /** Simulates every field into {@code outDir} (created if needed). */
  public Result run(Path outDir) {
    AtomicFiles.ensureDirectory(outDir);
    SimPreset preset = config.preset();
    SplittableRandom root = new SplittableRandom(config.seed());
    List<Field> fields = new ArrayList<>();
    List<BenchmarkField> benchmarkFields = new ArrayList<>();
    for (int k = 0; k < preset.fields(); k++) {
      SplittableRandom fieldRandom = root.split();
      String name = String.format(Locale.ROOT, "field-%03d", k);
      Path dir = outDir.resolve(name);
      AtomicFiles.ensureDirectory(dir);
      MapModel map = MapModel.create(preset, preset.size(), preset.size(), config.seed(), k);
      Field field = simulateField(name, map, fieldRandom, dir);
      fields.add(field);
      benchmarkFields.add(new BenchmarkField(name, field.map(), field.truths(), mosaicking(map)));
    }
    BenchmarkSets.Summary sets = null;
    if (config.benchmarkSets()) {
      BenchmarkConfig bc = BenchmarkConfig.DEFAULT;
      if (preset.size() < bc.hulk().size()) {
        int side = Math.max(32, preset.size() / 2);
        bc = bc.withHulk(new org.radioclr.core.cutout.HulkConfig(side, side / 2, 0.3));
      }
      sets =
          BenchmarkSets.write(benchmarkFields, bc, outDir.resolve("sets"), config.seed(), progress);
    }
    new Provenance("radioclr simulate")
        .put("seed", config.seed())
        .put("preset", preset)
        .put("preview", config.preview())
        .put("benchmark_sets", config.benchmarkSets())
        .writeTo(outDir);
    return new Result(fields, sets);
  }

  private Field simulateField(String name, MapModel map, SplittableRandom random, Path dir) {
    List<SimSource> sources =
        new SkyGenerator(map.preset())
            .generate(map.width(), map.height(), random).stream()
                .filter(s -> insideFootprint(map, s))
                .toList();
    // A floor well below the noise, so the wings of bright sources are kept.
    SourceRenderer renderer =
        new SourceRenderer(map.beam(), SourceRenderer.DEFAULT_SIGMAS, 0.02 * map.preset().rmsJy());
    // Stamps are rendered when the writer reaches their rows, so memory holds one band's worth.
    List<BandContribution> stamps =
        sources.stream().map(s -> (BandContribution) LazyStamp.of(s, renderer)).toList();
    Path mapFile = dir.resolve("map.fits");
    MapWriter.write(mapFile, map, stamps, new MapWriter.Options(config.threads(), 0), progress);
    List<SourceTruth> truths =
        new TruthBuilder(map.beam(), map.preset().pixelArcsec())
            .build(
                sources, renderer, (x, y) -> map.inFootprint(x, y) ? map.rmsAt(x, y) : Double.NaN);
    Path csv = dir.resolve("catalogue.csv");
    CatalogueWriter.write(mapFile, truths, name, csv, dir.resolve("catalogue.vot"));
    if (config.preview()) {
      MapPreview.write(
          mapFile,
          truths,
          dir.resolve("map-preview.png"),
          MapPreview.ColourBy.DETECTION_CLASS,
          2048);
      SourceContactSheet.write(
          mapFile, truths, dir.resolve("sources.png"), 6, 96, 5, config.seed());
    }
    return new Field(name, mapFile, csv, truths);
  }

  /**
   * A source's stamp, rendered each time a band needs it (a source meets one or two bands), so the
   * stamps of a large map are never all in memory together.
   */
  private record LazyStamp(SimSource source, SourceRenderer renderer, int yMin, int yMax)
      implements BandContribution {
    static LazyStamp of(SimSource source, SourceRenderer renderer) {
      PixelBox box = renderer.footprint(source);
      return new LazyStamp(source, renderer, box.y0(), box.y1());
    }

    @Override
    public void addTo(float[] band, int bandY0, int rows, int width) {
      renderer.render(source).addTo(band, bandY0, rows, width);
    }
  }

  /** Whether the source's first component lies on the map's data (not on the blank border). */
  private static boolean insideFootprint(MapModel map, SimSource s) {
    int x = (int) Math.round(s.components().get(0).x());
    int y = (int) Math.round(s.components().get(0).y());
    return x >= 0 && y >= 0 && x < map.width() && y < map.height() && map.inFootprint(x, y);
  }

  private static MosaickingRegions mosaicking(MapModel map) {
    if (!map.hasMosaicking()) {
      return MosaickingRegions.NONE;
    }
    return frame ->
        map.mosaickingRegions().stream()
            .anyMatch(
                r ->
                    r.overlap(
                            frame.x0(),
                            frame.y0(),
                            frame.x1() - frame.x0() + 1,
                            frame.y1() - frame.y0() + 1)
                        > 0);
  }
}
