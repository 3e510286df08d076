package org.radioclr.spark.cutouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.shard.PartSet;
import org.radioclr.formats.merge.PartMerge;

/**
 * The driver's side of a Spark cutout job: the output's {@code frames} folder, a hidden parts
 * folder {@code DIR/.datalist.json.parts-*} for the tasks' datalist parts, and at the end the parts
 * joined in order into {@code DIR/datalist.json} ({@link PartMerge}, atomically, as {@code radioclr
 * merge} joins them). The parts folder is always deleted; a frames folder the job created is
 * removed again when the job fails before anything is in it.
 */
final class OutputParts {
  private OutputParts() {}

  /**
   * What the tasks cut.
   *
   * @param summary the whole run's summary
   * @param datalists the datalist parts, in the order their entries are listed
   */
  record Cut(CutoutSummary summary, List<Path> datalists) {}

  /** The job's work: runs the tasks with the parts folder and says what they cut. */
  @FunctionalInterface
  interface Job {
    /** May throw (e.g. when nothing was cut): the datalist is then left as it was. */
    Cut run(Path parts);
  }

  /** Runs {@code job} and writes {@code outDir/datalist.json} from its parts. */
  static CutoutSummary run(Path outDir, Job job) {
    Path frames = outDir.resolve("frames");
    Path created = OutputFolders.firstMissing(frames);
    AtomicFiles.ensureDirectory(frames);
    Path parts;
    try {
      parts = Files.createTempDirectory(outDir, "." + HulkCutter.DATALIST + ".parts-");
    } catch (IOException e) {
      throw AtomicFiles.writeFailure(outDir, e);
    }
    boolean done = false;
    try {
      Cut cut = job.run(parts);
      PartMerge.merge(PartSet.of(cut.datalists()), outDir.resolve(HulkCutter.DATALIST));
      done = true;
      return cut.summary();
    } finally {
      OutputFolders.tryDeleteTree(parts);
      if (!done) {
        OutputFolders.removeIfEmpty(frames, created);
      }
    }
  }
}
