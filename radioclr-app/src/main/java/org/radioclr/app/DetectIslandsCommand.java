package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.io.Provenance;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.output.MapRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr detect islands}: the classic island-finder baseline on whole maps. */
@Command(
    name = "islands",
    mixinStandardHelpOptions = true,
    description = {
      "Find the islands of whole survey maps the classic way (BANE/Aegean-like): background and"
          + " rms on a coarse grid with sigma clipping, interpolated; islands seeded at"
          + " --seed-sigma and grown to --flood-sigma; one object per island, COMPACT or EXTENDED"
          + " by its size against the beam of the map header. The map is read in overlapping"
          + " tiles stitched so that an island on a tile edge is found once. Writes the same"
          + " files as detect run into --out/<map stem>: catalogue.csv/.vot, regions.reg,"
          + " labels.fits and, for maps up to 1024x1024, caesar/<map stem>.json."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect islands map.fits --out islands",
      "  radioclr detect islands --seed-sigma 6 --flood-sigma 4 a.fits b.fits --out islands"
    })
final class DetectIslandsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "MAP.fits", arity = "1..*", description = "Maps.")
  List<Path> maps;

  @Mixin IslandOptions islandOptions;

  @Option(names = "--tile", paramLabel = "PX", description = "Tile side (default: 512).")
  int tile = 512;

  @Option(names = "--overlap", paramLabel = "PX", description = "Tile overlap (default: 128).")
  int overlap = 128;

  @Mixin OutFolderOption output;

  @Override
  public Integer call() {
    DetectRunCommand.checkTiles(tile, overlap);
    IslandConfig config = islandOptions.resolve();
    Path out = output.requireEmpty();
    PrintWriter o = spec.commandLine().getOut();
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    IslandFinder finder = new IslandFinder(config);
    for (Path map : maps) {
      MapRun.Result r =
          MapRun.run(
              map,
              header -> {
                double[] beam = MapRun.beamPixels(header);
                return t -> finder.find(t, beam[0], beam[1]);
              },
              tile,
              overlap,
              out,
              progress);
      new Provenance("radioclr detect islands")
          .put("map", map.toAbsolutePath().toString())
          .put("islands", config)
          .put("beam_pixels", MapRun.beamPixels(r.header()))
          .put("tile", tile)
          .put("overlap", overlap)
          .writeTo(r.dir());
      o.printf("%s: %d islands %s -> %s%n", map, r.objects().size(), r.counts(), r.dir());
      r.notes().forEach(n -> o.printf("  %s%n", n));
    }
    return 0;
  }
}
