package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.core.cutout.BannerCutter;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.model.SourceTruth;

/**
 * The source-classification benchmark (paper §3.1): a banner cutout ({@link BannerCutter}, 1.5 ×
 * the mask box) around every bright source of the chosen families, labelled with its Radio Galaxy
 * Zoo class, and class-balanced train/test datalists ({@link BalancedSplit}).
 *
 * <p>A cutout the pre-processing would reject ({@link ClassificationConfig#banner()}'s blank limit,
 * 30% by default: a source near the map's edge or its blank border) is not written; the source
 * stays in {@code sources.csv} and is counted in {@link Result#skipped()}.
 *
 * <p>Under the output folder: {@code <field>/sources.csv} (the catalogue of the selected sources,
 * {@link CatalogueWriter} layout) with {@code <field>/frames/*.fits} and {@code
 * <field>/datalist.json} as the banner cutter writes them; {@code datalist.json}, every cutout with
 * {@code label} its RGZ class and {@code id} the class's index in {@link
 * ClassificationConfig#classes()}, extras of the banner cutter plus {@code field}, {@code
 * morphology}, {@code detection_class} and {@code snr}; {@code train.json} and {@code test.json},
 * the balanced split of those entries.
 */
public final class ClassificationSet {
  private ClassificationSet() {}

  /**
   * What was written.
   *
   * @param cutouts cutouts in {@code datalist.json}
   * @param train entries in {@code train.json}
   * @param test entries in {@code test.json}
   * @param perClass sources per class in train + test
   * @param available cutouts per class (all of {@code datalist.json})
   * @param dropped classes left out of the split (too few sources) with their counts
   * @param skipped selected sources without a cutout, by reason ({@link CutoutSummary#skipped()}),
   *     e.g. a cutout more blank than the pre-processing accepts
   */
  public record Result(
      int cutouts,
      int train,
      int test,
      int perClass,
      Map<String, Integer> available,
      Map<String, Integer> dropped,
      Map<String, Long> skipped) {}

  /** Whether a source belongs in the set. */
  static boolean selected(SourceTruth t, ClassificationConfig config) {
    return t.snr() >= config.minSnr()
        && config.families().contains(t.source().morphology().family())
        && config.classes().contains(t.rgzClass())
        && t.mask().area() > 0;
  }

  /**
   * Cuts the cutouts and writes the datalists under {@code outDir}.
   *
   * @throws BadInputException when a map cannot be read or a cutout cannot be written
   */
  public static Result write(
      List<BenchmarkField> fields,
      ClassificationConfig config,
      Path outDir,
      long seed,
      ProgressListener progress) {
    List<DatalistEntry> all = new ArrayList<>();
    Map<String, Long> skipped = new java.util.TreeMap<>();
    for (BenchmarkField field : fields) {
      List<SourceTruth> chosen = new ArrayList<>();
      for (SourceTruth t : field.truths()) {
        if (selected(t, config)) {
          chosen.add(t);
        }
      }
      if (chosen.isEmpty()) {
        continue;
      }
      Path dir = outDir.resolve(field.name());
      Path csv = dir.resolve("sources.csv");
      List<CatalogueRow> rows =
          CatalogueWriter.rows(chosen, MapHeader.read(field.map()).wcs(), field.name());
      CatalogueWriter.writeCsv(csv, rows);
      CutoutSummary summary =
          new BannerCutter(config.banner(), progress)
              .cut(field.map(), csv, CatalogueWriter.readerColumns("rgz_class"), dir);
      if (!summary.failures().isEmpty()) {
        throw new BadInputException(
            dir, "banner cutouts failed: " + String.join("; ", summary.failures()));
      }
      summary.skipped().forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
      Map<String, CatalogueRow> byName = new HashMap<>();
      for (CatalogueRow r : rows) {
        byName.put(r.name(), r);
      }
      for (DatalistEntry e : DatalistReader.readAll(dir.resolve(BannerCutter.DATALIST))) {
        CatalogueRow r = byName.get(e.sname());
        if (r == null || e.labels().size() != 1) {
          throw new IllegalStateException("banner entry " + e.sname() + " matches no source");
        }
        Map<String, Object> extras = new LinkedHashMap<>(e.extras());
        extras.put("field", field.name());
        extras.put("morphology", r.morphology());
        extras.put("detection_class", r.detectionClass());
        extras.put("snr", r.snr());
        String label = e.labels().get(0);
        all.add(
            new DatalistEntry(
                e.files(),
                e.sname(),
                List.of(config.classes().indexOf(label)),
                List.of(label),
                extras));
      }
    }
    BalancedSplit<DatalistEntry> split =
        BalancedSplit.of(
            all,
            e -> e.labels().get(0),
            config.classes(),
            config.trainFraction(),
            config.minPerClass(),
            seed);
    DatalistWriter.writeAll(outDir.resolve("datalist.json"), all, LabelForm.SCALAR_WHEN_SINGLE);
    DatalistWriter.writeAll(
        outDir.resolve("train.json"), split.train(), LabelForm.SCALAR_WHEN_SINGLE);
    DatalistWriter.writeAll(
        outDir.resolve("test.json"), split.test(), LabelForm.SCALAR_WHEN_SINGLE);
    Map<String, Integer> available = new LinkedHashMap<>();
    for (String c : config.classes()) {
      available.put(c, 0);
    }
    for (DatalistEntry e : all) {
      available.merge(e.labels().get(0), 1, Integer::sum);
    }
    return new Result(
        all.size(),
        split.train().size(),
        split.test().size(),
        split.perClass(),
        available,
        split.dropped(),
        skipped);
  }
}
