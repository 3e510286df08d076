package org.radioclr.app;

import java.util.concurrent.Callable;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.cutout.BannerCutter;
import org.radioclr.core.cutout.CutoutSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code radioclr cutouts banner}: one cutout per catalogued source. */
@Command(
    name = "banner",
    mixinStandardHelpOptions = true,
    description = {
      "Source-centred cutouts: one per catalogue row, centred on the source, side = --scale x"
          + " the source's bounding-box size (at least --min-size), padded with blanks off the"
          + " map. The catalogue is CSV, VOTable or a FITS table; columns are found by their"
          + " usual names (name, ra/dec in deg or x/y in pixels, xmin/xmax/ymin/ymax or a major"
          + " axis) unless named with the options below.",
      "Writes DIR/frames/*.fits and DIR/datalist.json (label from the catalogue when it has one);"
          + " with --shard I/N, the block of catalogue rows of shard I and"
          + " DIR/datalist.part-000I-of-000N.json."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr cutouts banner mosaic.fits --catalog sources.csv --out banner",
      "  radioclr cutouts banner mosaic.fits --catalog cat.vot --size-cols Maj,Min"
          + " --size-unit arcsec --label-col class --out banner",
      "  radioclr cutouts banner map.fits --catalog islands.fits --position box"
          + " --box-cols x_min,x_max,y_min,y_max --out banner"
    })
final class BannerCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin BannerArgs args;

  @Mixin ShardOption shard;

  @Override
  public Integer call() {
    BannerConfig config = args.config();
    CatalogColumns columns = args.columns();
    CutoutSummary summary =
        new BannerCutter(config, ConsoleProgress.onStderr(spec.commandLine().getErr()))
            .cut(args.map(), args.catalog(), columns, args.out(), shard.shard);
    return CutoutsCommand.report(spec.commandLine().getOut(), summary, args.out(), shard.shard);
  }
}
