package org.radioclr.anomaly.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Writes candidates as CSV (header line, strings quoted only when they hold a comma or quote) and
 * as a VOTable 1.4 (TABLEDATA, written with STIL, no date), atomically, in rank order. Columns:
 * {@code rank, sname, score, outlier, label, ra [deg], dec [deg]} (ICRS frame centre), {@code file,
 * file_x0, file_y0 [pix]} (frame origin in that file: 0 for a frame's own file), {@code width,
 * height [pix]}. Doubles are in Java's shortest round-trip form.
 */
public final class CandidateCatalog {
  private CandidateCatalog() {}

  private record Column(
      String name,
      Class<?> type,
      String unit,
      String ucd,
      String description,
      Function<Candidate, Object> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column(
              "rank", Integer.class, null, "meta.number", "1 = most anomalous", Candidate::rank),
          new Column(
              "sname", String.class, null, "meta.id;meta.main", "frame name", Candidate::sname),
          new Column(
              "score",
              Double.class,
              null,
              "stat.value",
              "anomaly score in [0, 1]",
              Candidate::score),
          new Column(
              "outlier",
              Boolean.class,
              null,
              "meta.code",
              "flagged as outlier by the scorer",
              Candidate::outlier),
          new Column(
              "label",
              String.class,
              null,
              "meta.code.class",
              "frame labels, ';'-separated",
              Candidate::label),
          new Column(
              "ra",
              Double.class,
              "deg",
              "pos.eq.ra;meta.main",
              "ICRS RA of the frame centre",
              c -> c.centre().to(CelestialFrame.ICRS).lon()),
          new Column(
              "dec",
              Double.class,
              "deg",
              "pos.eq.dec;meta.main",
              "ICRS Dec of the frame centre",
              c -> c.centre().to(CelestialFrame.ICRS).lat()),
          new Column(
              "file",
              String.class,
              null,
              "meta.file",
              "FITS file holding the frame",
              Candidate::file),
          new Column(
              "file_x0",
              Integer.class,
              "pix",
              "pos.cartesian.x",
              "frame origin column in file, 0-based",
              Candidate::x0),
          new Column(
              "file_y0",
              Integer.class,
              "pix",
              "pos.cartesian.y",
              "frame origin row in file, 0-based",
              Candidate::y0),
          new Column("width", Integer.class, "pix", null, "frame width", Candidate::width),
          new Column("height", Integer.class, "pix", null, "frame height", Candidate::height));

  /** The column names, in file order. */
  public static final List<String> COLUMN_NAMES = COLUMNS.stream().map(Column::name).toList();

  /** Writes the CSV. */
  public static void writeCsv(Path target, List<Candidate> candidates) {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMN_NAMES)).append('\n');
    for (Candidate c : candidates) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        sb.append(i > 0 ? "," : "").append(cell(COLUMNS.get(i).value().apply(c)));
      }
      sb.append('\n');
    }
    AtomicFiles.write(target, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
  }

  /** Writes the VOTable. */
  public static void writeVotable(Path target, List<Candidate> candidates) {
    ColumnInfo[] infos = new ColumnInfo[COLUMNS.size()];
    for (int i = 0; i < infos.length; i++) {
      Column c = COLUMNS.get(i);
      ColumnInfo info = new ColumnInfo(c.name(), c.type(), c.description());
      if (c.unit() != null) {
        info.setUnitString(c.unit());
      }
      if (c.ucd() != null) {
        info.setUCD(c.ucd());
      }
      infos[i] = info;
    }
    RowListStarTable table = new RowListStarTable(infos);
    table.setName("radioclr anomaly candidates");
    for (Candidate cand : candidates) {
      Object[] cells = new Object[infos.length];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = COLUMNS.get(i).value().apply(cand);
      }
      table.addRow(cells);
    }
    VOTableWriter writer = new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V14);
    writer.setWriteDate(false);
    AtomicFiles.write(
        target,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writer.writeStarTable(table, out);
          }
        });
  }

  /**
   * Writes a DS9 region file (format 4.1, {@code fk5} degrees): one {@code polygon} per candidate
   * through its four corners, with text {@code "#rank score"}.
   */
  public static void writeRegions(Path target, List<Candidate> candidates) {
    StringBuilder sb =
        new StringBuilder("# Region file format: DS9 version 4.1\n")
            .append("# radioclr anomaly candidates: frame footprints, text = #rank score\n")
            .append("global color=red width=2 font=\"helvetica 10 normal roman\"\n")
            .append("fk5\n");
    for (Candidate c : candidates) {
      sb.append("polygon(");
      SkyCoord[] k = c.corners();
      for (int i = 0; i < 4; i++) {
        SkyCoord f = k[i].to(CelestialFrame.FK5);
        sb.append(i > 0 ? "," : "")
            .append(String.format(Locale.ROOT, "%.8f,%.8f", f.lon(), f.lat()));
      }
      sb.append(String.format(Locale.ROOT, ") # text={#%d %.3f}%n", c.rank(), c.score()));
    }
    AtomicFiles.writeString(target, sb);
  }

  private static String cell(Object v) {
    return switch (v) {
      case null -> "";
      case Double d -> Double.isNaN(d) ? "" : Double.toString(d);
      case String s -> {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
          yield "\"" + s.replace("\"", "\"\"") + "\"";
        }
        yield s;
      }
      default -> v.toString();
    };
  }
}
