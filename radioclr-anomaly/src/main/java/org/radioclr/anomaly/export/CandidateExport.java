package org.radioclr.anomaly.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.anomaly.frames.FrameLocator;
import org.radioclr.anomaly.frames.FrameTiles;
import org.radioclr.anomaly.frames.LocatedFrame;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.formats.table.ScoreTable;

/**
 * Exports candidates into a folder: {@code candidates.csv}, {@code candidates.vot} ({@link
 * CandidateCatalog}), {@code candidates.reg} (DS9 footprints) and {@code candidates.png} (contact
 * sheet of the first {@code sheetTiles} candidates, best at the top left, {@link FrameTiles}).
 * Every frame is located and its WCS checked before anything is written.
 */
public final class CandidateExport {
  /** Contact-sheet tiles per row. */
  public static final int SHEET_COLUMNS = 6;

  private CandidateExport() {}

  /**
   * Builds the candidates of {@code rows} (in rank order).
   *
   * @throws org.radioclr.core.BadInputException naming the file when a frame cannot be found or has
   *     no usable WCS
   */
  public static List<Candidate> candidates(
      ScoreTable table, int[] rows, FrameLocator locator, ProgressListener progress) {
    List<Candidate> out = new ArrayList<>(rows.length);
    progress.start("locating candidate frames", rows.length);
    try {
      for (int r = 0; r < rows.length; r++) {
        int row = rows[r];
        LocatedFrame f = locator.locate(table, row);
        out.add(
            new Candidate(
                r + 1,
                table.snames().get(row),
                table.score(row),
                table.outlier(row),
                table.labels().get(row),
                f.centre(CelestialFrame.ICRS),
                f.corners(CelestialFrame.FK5),
                f.file().toString(),
                f.x0(),
                f.y0(),
                f.width(),
                f.height()));
        progress.advance(1);
      }
    } finally {
      progress.finish();
    }
    return out;
  }

  /** Writes every output into {@code dir}. */
  public static void write(
      Path dir,
      ScoreTable table,
      int[] rows,
      FrameLocator locator,
      int sheetTiles,
      int tileSize,
      ProgressListener progress) {
    Objects.requireNonNull(locator, "locator");
    if (sheetTiles < 1) {
      throw new IllegalArgumentException("--sheet-tiles must be >= 1, got " + sheetTiles);
    }
    List<Candidate> cands = candidates(table, rows, locator, progress);
    AtomicFiles.ensureDirectory(dir);
    CandidateCatalog.writeCsv(dir.resolve("candidates.csv"), cands);
    CandidateCatalog.writeVotable(dir.resolve("candidates.vot"), cands);
    CandidateCatalog.writeRegions(dir.resolve("candidates.reg"), cands);
    FrameTiles tiles = new FrameTiles(tileSize);
    List<float[]> sheet = new ArrayList<>();
    for (int r = 0; r < Math.min(sheetTiles, rows.length); r++) {
      sheet.add(tiles.tile(locator.pixels(locator.locate(table, rows[r]))));
    }
    tiles.writeSheet(dir.resolve("candidates.png"), sheet, SHEET_COLUMNS);
  }
}
