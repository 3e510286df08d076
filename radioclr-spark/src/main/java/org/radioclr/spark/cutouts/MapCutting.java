package org.radioclr.spark.cutouts;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.spark.BeforeCommit;

/**
 * One Spark task of a hulk cut: for each map index of its partition, {@link HulkCutter#cut(List,
 * Path, Shard, Path)} with the one-map shard {@code m/M}, so frames get the names one process gives
 * them, into the output folder's {@code frames}, and the map's datalist part written atomically
 * into the job's parts folder. A retried attempt rewrites the same frames and replaces the same
 * part, so nothing is listed twice ({@link BeforeCommit} runs after each map's part is written). A
 * map that cannot be read is reported in the result, as the plain command reports it, and the task
 * goes on.
 */
final class MapCutting implements FlatMapFunction<Iterator<Integer>, MapCutting.Result> {
  private static final long serialVersionUID = 1L;

  /**
   * What one map gave.
   *
   * @param map its index among the job's maps
   * @param summary its frames, skipped frames, failure and warnings
   * @param noFrame why it gave no frame, or null when it gave some
   */
  record Result(int map, CutoutSummary summary, String noFrame) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final ArrayList<String> maps; // as given (Path is not serializable)
  private final String outDir;
  private final String parts;
  private final int size;
  private final int step;
  private final double maxBlank;
  private final BeforeCommit beforeCommit;

  MapCutting(
      List<Path> maps, Path outDir, Path parts, HulkConfig config, BeforeCommit beforeCommit) {
    this.maps = new ArrayList<>(maps.stream().map(Path::toString).toList());
    this.outDir = outDir.toString();
    this.parts = parts.toString();
    this.size = config.size();
    this.step = config.step();
    this.maxBlank = config.maxBlankFraction();
    this.beforeCommit = beforeCommit;
  }

  /** The datalist part of map {@code m} of {@code count} in the parts folder. */
  static Path part(Path parts, int m, int count) {
    return new Shard(m, count).partOf(parts.resolve(HulkCutter.DATALIST));
  }

  @Override
  public Iterator<Result> call(Iterator<Integer> indices) {
    List<Path> all = maps.stream().map(Path::of).toList();
    HulkCutter cutter = new HulkCutter(new HulkConfig(size, step, maxBlank), ProgressListener.NONE);
    List<Result> out = new ArrayList<>();
    while (indices.hasNext()) {
      int m = indices.next();
      HulkCutter.ShardCut cut =
          cutter.cut(
              all, Path.of(outDir), new Shard(m, all.size()), part(Path.of(parts), m, all.size()));
      beforeCommit.check(m);
      out.add(new Result(m, cut.summary(), cut.noFrame().get(all.get(m))));
    }
    return out.iterator();
  }
}
