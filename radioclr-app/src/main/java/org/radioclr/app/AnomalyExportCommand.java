package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.export.CandidateExport;
import org.radioclr.anomaly.export.CandidateSelection;
import org.radioclr.anomaly.frames.FrameLocator;
import org.radioclr.anomaly.frames.FrameTiles;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Provenance;
import org.radioclr.formats.table.ScoreTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr anomaly export}: the best-scoring frames as catalogue, regions and images. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export anomaly candidates, the --top N frames or those scoring at least --threshold T,"
          + " best first, into --out: candidates.csv and candidates.vot (rank, sname, score,"
          + " outlier, label, ICRS centre ra/dec, file, origin and size), candidates.reg (DS9,"
          + " fk5: one polygon per frame through its four corners, text '#rank score') and"
          + " candidates.png (contact sheet of the first --sheet-tiles, best at the top left).",
      "Frames are found, in this order: through --datalist, the datalist that made the"
          + " features (sname -> its FITS file; size and WCS are that file's), or through --maps"
          + " DIR with --frame-size PIX (the table's map column, a path relative to DIR, and its"
          + " x0/y0 columns; the WCS is the map's). One of the two is required."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly export --scores scores.parquet --top 50"
          + " --datalist sim/sets/anomaly/datalist.json --out candidates",
      "  radioclr anomaly export --scores scores.csv --threshold 0.7 --maps sim/hulk"
          + " --frame-size 256 --out cand"
    })
final class AnomalyExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scores",
      required = true,
      paramLabel = "S.parquet|S.csv",
      description = "Score table (radioclr anomaly score).")
  Path scores;

  static final class Selection {
    @Option(names = "--top", paramLabel = "N", description = "The N highest-scoring frames.")
    Integer top;

    @Option(
        names = "--threshold",
        paramLabel = "T",
        description = "Every frame scoring >= T (in [0, 1]).")
    Double threshold;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  @Option(
      names = "--datalist",
      paramLabel = "D.json",
      description = "The datalist that made the features (frames by sname).")
  Path datalist;

  @Option(
      names = "--maps",
      paramLabel = "DIR",
      description = "Folder the table's map paths are relative to (with --frame-size).")
  Path maps;

  @Option(
      names = "--frame-size",
      paramLabel = "PIX",
      description = "Frame side in pixels, for --maps (e.g. 256 for hulk frames).")
  Integer frameSize;

  @Option(
      names = "--sheet-tiles",
      paramLabel = "N",
      description = "Candidates on the contact sheet (default: 36).")
  int sheetTiles = 36;

  @Option(
      names = "--tile-size",
      paramLabel = "PIX",
      description = "Contact-sheet tile side (default: " + FrameTiles.DEFAULT_SIZE + ").")
  int tileSize = FrameTiles.DEFAULT_SIZE;

  @Mixin OutFolderOption output;

  @Override
  public Integer call() {
    Path out = output.requireEmpty();
    ScoreTable table = ScoreTable.read(scores);
    FrameLocator locator;
    if (datalist != null) {
      locator = FrameLocator.fromDatalist(datalist);
    } else if (maps != null) {
      if (frameSize == null) {
        throw new BadOptionException("--maps needs --frame-size (e.g. 256 for hulk frames)");
      }
      locator = FrameLocator.fromMaps(maps, frameSize, table);
    } else {
      throw new BadInputException(
          scores,
          "cannot locate the frames: give --datalist (the datalist that made the features) or"
              + " --maps DIR --frame-size PIX");
    }
    int[] rows =
        selection.top != null
            ? CandidateSelection.top(table, selection.top)
            : CandidateSelection.threshold(table, selection.threshold);
    CandidateExport.write(
        out,
        table,
        rows,
        locator,
        sheetTiles,
        tileSize,
        ConsoleProgress.onStderr(spec.commandLine().getErr()));
    new Provenance("radioclr anomaly export")
        .put("scores", scores.toString())
        .put("top", selection.top)
        .put("threshold", selection.threshold)
        .put("datalist", datalist == null ? null : datalist.toString())
        .put("maps", maps == null ? null : maps.toString())
        .writeTo(out);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%d candidates (scores %.4f to %.4f) written to %s%n",
        rows.length, table.score(rows[0]), table.score(rows[rows.length - 1]), out);
    return 0;
  }
}
