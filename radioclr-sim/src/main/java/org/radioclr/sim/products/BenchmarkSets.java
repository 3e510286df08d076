package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.sim.model.SourceTruth;

/**
 * Writes the three benchmark sets of the paper from simulated fields, each under its own folder
 * with its datalist:
 *
 * <pre>
 * outDir/hulk/            frames/*.fits and datalist.json of the hulk cut (HulkCutter)
 * outDir/anomaly/         datalist.json: the hulk frames with their §5.1 labels (AnomalySet)
 * outDir/detection/       annotations/, filelist.txt, datalist.json (DetectionSet)
 * outDir/classification/  per-field banner cutouts, datalist.json, train.json, test.json
 *                         (ClassificationSet)
 * </pre>
 *
 * The anomaly and detection datalists list the frames of {@code hulk/} (outside their folder, so
 * with absolute paths, as {@link org.radioclr.core.datalist.DatalistWriter} writes them); the
 * caesar-mrcnn JSON files name their image relative to themselves. Every file is written
 * atomically; the same inputs, settings and seed give the same files. Each piece can be used alone
 * through its own class.
 */
public final class BenchmarkSets {
  private BenchmarkSets() {}

  /**
   * What was written.
   *
   * @param hulkFrames frames of the hulk cut
   * @param frameLabels frames per §5.1 label
   * @param detection the detection set
   * @param classification the classification set
   */
  public record Summary(
      long hulkFrames,
      Map<FrameLabel, Integer> frameLabels,
      DetectionSet.Result detection,
      ClassificationSet.Result classification) {

    /** A few lines for the terminal. */
    public String format() {
      StringBuilder sb = new StringBuilder();
      sb.append("hulk frames: ").append(hulkFrames).append('\n');
      sb.append("frame labels:");
      frameLabels.forEach((l, n) -> sb.append(' ').append(l.label()).append('=').append(n));
      sb.append("\ndetection: ")
          .append(detection.frames())
          .append(" frames, ")
          .append(detection.objects())
          .append(" objects ")
          .append(detection.objectsPerClass());
      sb.append("\nclassification: ")
          .append(classification.cutouts())
          .append(" cutouts ")
          .append(classification.available())
          .append(", balanced ")
          .append(classification.perClass())
          .append(" per class: ")
          .append(classification.train())
          .append(" train, ")
          .append(classification.test())
          .append(" test");
      if (!classification.dropped().isEmpty()) {
        sb.append(", too rare: ").append(classification.dropped());
      }
      if (!classification.skipped().isEmpty()) {
        sb.append(", no cutout: ").append(classification.skipped());
      }
      return sb.toString();
    }
  }

  /** One field named {@code 0} with the default settings. */
  public static Summary write(
      Path fieldMap,
      List<SourceTruth> truths,
      MosaickingRegions mosaicking,
      Path outDir,
      long seed,
      ProgressListener progress) {
    return write(
        List.of(new BenchmarkField("0", fieldMap, truths, mosaicking)),
        BenchmarkConfig.DEFAULT,
        outDir,
        seed,
        progress);
  }

  /**
   * Writes the three sets for the fields.
   *
   * @throws BadInputException naming the file when a map cannot be read or an output cannot be
   *     written
   */
  public static Summary write(
      List<BenchmarkField> fields,
      BenchmarkConfig config,
      Path outDir,
      long seed,
      ProgressListener progress) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("need at least one field");
    }
    Path hulkDir = outDir.resolve("hulk");
    CutoutSummary cut =
        new HulkCutter(config.hulk(), progress)
            .cut(fields.stream().map(BenchmarkField::map).toList(), hulkDir);
    if (!cut.failures().isEmpty()) {
      throw new BadInputException(hulkDir, "hulk cut failed: " + cut.failures().get(0));
    }
    List<HulkFrame> frames =
        HulkFrame.read(hulkDir.resolve(HulkCutter.DATALIST), config.hulk().size());
    Map<FrameLabel, Integer> labels =
        AnomalySet.write(
            frames,
            fields,
            config.frameLabels(),
            outDir.resolve("anomaly").resolve("datalist.json"),
            progress);
    DetectionSet.Result detection =
        DetectionSet.write(
            frames,
            fields,
            config.telescope(),
            config.detectionMinSnr(),
            outDir.resolve("detection"),
            progress);
    ClassificationSet.Result classification =
        ClassificationSet.write(
            fields, config.classification(), outDir.resolve("classification"), seed, progress);
    return new Summary(frames.size(), labels, detection, classification);
  }
}
