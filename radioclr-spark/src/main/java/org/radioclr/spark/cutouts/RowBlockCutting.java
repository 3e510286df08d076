package org.radioclr.spark.cutouts;

import java.io.Serializable;
import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.cutout.BannerCutter;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.spark.BeforeCommit;

/**
 * One Spark task of a banner cut: block {@code b} of {@code n} of the catalogue's rows (the {@link
 * Shard} {@code b/n}, as {@code radioclr cutouts banner --shard b/n} takes it) cut out of the map
 * with {@link BannerCutter} into the output folder's {@code frames}, under the names one process
 * gives them, and the block's datalist part written atomically into the job's parts folder. A
 * retried attempt rewrites the same cutouts and replaces the same part, so nothing is listed twice
 * ({@link BeforeCommit} runs after the part is written). Each task reads the map and the catalogue
 * itself.
 */
final class RowBlockCutting implements Function<Integer, RowBlockCutting.Result> {
  private static final long serialVersionUID = 1L;

  /**
   * What one block gave.
   *
   * @param block its index
   * @param summary its cutouts, skipped sources, failures and the run-wide warnings
   */
  record Result(int block, CutoutSummary summary) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final String map; // as given (Path is not serializable)
  private final String catalog;
  private final CatalogColumns columns;
  private final String outDir;
  private final String parts;
  private final int count;
  private final BannerConfig config;
  private final BeforeCommit beforeCommit;

  RowBlockCutting(
      Path map,
      Path catalog,
      CatalogColumns columns,
      Path outDir,
      Path parts,
      int count,
      BannerConfig config,
      BeforeCommit beforeCommit) {
    this.map = map.toString();
    this.catalog = catalog.toString();
    this.columns = columns;
    this.outDir = outDir.toString();
    this.parts = parts.toString();
    this.count = count;
    this.config = config;
    this.beforeCommit = beforeCommit;
  }

  /** The datalist part of block {@code b} of {@code count} in the parts folder. */
  static Path part(Path parts, int b, int count) {
    return new Shard(b, count).partOf(parts.resolve(BannerCutter.DATALIST));
  }

  @Override
  public Result call(Integer block) {
    CutoutSummary summary =
        new BannerCutter(config, ProgressListener.NONE)
            .cut(
                Path.of(map),
                Path.of(catalog),
                columns,
                Path.of(outDir),
                new Shard(block, count),
                part(Path.of(parts), block, count));
    beforeCommit.check(block);
    return new Result(block, summary);
  }
}
