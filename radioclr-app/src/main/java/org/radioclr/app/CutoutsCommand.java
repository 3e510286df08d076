package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.shard.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code radioclr cutouts}: build cutout data sets from survey maps. */
@Command(
    name = "cutouts",
    mixinStandardHelpOptions = true,
    description = "Build cutout data sets from survey maps (paper §2.2).",
    subcommands = {CutoutsCommand.Hulk.class, BannerCommand.class})
public final class CutoutsCommand {

  /** Prints a run's summary; the exit code is 1 when any input failed. */
  public static int report(PrintWriter out, CutoutSummary summary, Path outDir, Shard shard) {
    out.println(summary.format());
    out.println("datalist: " + Shard.target(outDir.resolve(HulkCutter.DATALIST), shard));
    return summary.failures().isEmpty() ? 0 : 1;
  }

  @Command(
      name = "hulk",
      mixinStandardHelpOptions = true,
      description = {
        "Blind sliding-window frames over whole maps (50%% overlap by default). Frames more than"
            + " --max-blank blank (map borders) are skipped and counted.",
        "Writes DIR/frames/*.fits (WCS and beam kept) and DIR/datalist.json with each frame's"
            + " map, pixel origin, centre RA/Dec and local noise rms. With --shard I/N a process"
            + " cuts its block of the maps and writes DIR/datalist.part-000I-of-000N.json."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr cutouts hulk survey/*.fits --out hulk",
        "  radioclr cutouts hulk mosaic.fits --size 128 --step 64 --out hulk128"
      })
  static final class Hulk implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin HulkArgs args;

    @Mixin ShardOption shard;

    @Override
    public Integer call() {
      HulkConfig config = args.config();
      PrintWriter err = spec.commandLine().getErr();
      CutoutSummary summary =
          new HulkCutter(config, ConsoleProgress.onStderr(err))
              .cut(args.maps(), args.out(), shard.shard);
      return report(spec.commandLine().getOut(), summary, args.out(), shard.shard);
    }
  }
}
