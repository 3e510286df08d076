package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.shard.Shard;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import org.radioclr.detect.output.MapRun;
import org.radioclr.detect.tiles.MapIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr detect run}: the objects of whole maps, by the detector or the islands. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Find the objects of whole survey maps of any size with a trained detector (--model) or,"
          + " without one, the classic island finder (5-sigma seeds grown to 3 sigma). The map is"
          + " read in overlapping tiles stitched so that an object on a tile edge is found once;"
          + " mostly blank tiles are skipped. For each map, in --out/<map stem>: catalogue.csv and"
          + " catalogue.vot (id, class, score, pixel box, centroid x/y and RA/Dec, pixels,"
          + " islands), regions.reg (DS9 fk5 outlines of each mask, coloured by class),"
          + " labels.fits (0 background, k on object k) and, for maps up to 1024x1024,"
          + " caesar/<map stem>.json (caesar-mrcnn annotation with the scores); --out/maps.csv"
          + " lists the maps (map, folder, objects). With --shard I/N a process does its block of"
          + " the maps and writes maps.part-000I-of-000N.csv; the shards share --out."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect run --model det/model map.fits --out found",
      "  radioclr detect run map.fits --out islands"
    })
final class DetectRunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "MAP.fits", arity = "1..*", description = "Maps.")
  List<Path> maps;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "A detector model folder or a shipped detector's name (radioclr-detect-sim-v1).")
  Path model;

  @Option(names = "--tile", paramLabel = "PX", description = "Tile side (default: 256).")
  int tile = 256;

  @Option(names = "--overlap", paramLabel = "PX", description = "Tile overlap (default: 64).")
  int overlap = 64;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (must be new or empty).")
  Path out;

  @Mixin GroupingOptions grouping;

  @Mixin ShardOption shard;

  @Override
  public Integer call() {
    checkTiles(tile, overlap);
    Grouping groups = grouping.resolve();
    if (shard.shard == null) {
      OutputFolders.requireEmpty(out, "choose another --out or remove it");
    } // the shards of one run share --out, each replacing its own maps' folders
    MapIndex index = new MapIndex(out);
    PrintWriter o = spec.commandLine().getOut();
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    try (DetectModel net = model == null ? null : DetectModel.load(model)) {
      IslandFinder finder = new IslandFinder(IslandConfig.DEFAULT);
      for (int i = 0; i < maps.size(); i++) {
        if (shard.shard != null && !shard.shard.holds(i, maps.size())) {
          continue;
        }
        Path map = maps.get(i);
        MapRun.Result r =
            MapRun.run(
                map,
                header -> {
                  if (net != null) {
                    return t -> net.detect(t, groups);
                  }
                  double[] beam = MapRun.beamPixels(header);
                  return t -> finder.find(t, beam[0], beam[1]);
                },
                tile,
                overlap,
                out,
                progress);
        new Provenance("radioclr detect run")
            .put("map", map.toAbsolutePath().toString())
            .put("model", model == null ? "islands" : model.toAbsolutePath().toString())
            .put("tile", tile)
            .put("overlap", overlap)
            .writeTo(r.dir());
        o.printf("%s: %d objects %s -> %s%n", map, r.objects().size(), r.counts(), r.dir());
        r.notes().forEach(n -> o.printf("  %s%n", n));
        index.add(map, r.dir(), r.objects().size());
      }
    }
    Path indexFile = Shard.target(out.resolve(MapIndex.FILE), shard.shard);
    index.write(indexFile);
    o.printf("wrote %s%n", indexFile);
    return 0;
  }

  /** The one option error for a tile side under 32 or an overlap outside [0, tile). */
  static void checkTiles(int tile, int overlap) {
    if (tile < 32 || overlap < 0 || overlap >= tile) {
      throw new BadOptionException(
          "--tile must be >= 32 and --overlap in [0, tile), got " + tile + " and " + overlap);
    }
  }
}
