package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.catalog.CatalogTableWriter.Column;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.util.FileDataSource;

class CatalogTableWriterTest {
  private record Row(int id, String name, double flux) {}

  private static final CatalogTableWriter<Row> WRITER =
      new CatalogTableWriter<>(
          "test rows",
          List.of(
              new Column<>("id", Integer.class, null, "meta.id", "row id", Row::id),
              new Column<>("name", String.class, null, null, "row name", Row::name),
              new Column<>("flux", Double.class, "Jy", "phot.flux.density", "flux", Row::flux)));

  private static final List<Row> ROWS =
      List.of(new Row(1, "a, \"b\"", 0.1), new Row(2, "c", Double.NaN));

  @Test
  void csvQuotesOnlyWhenNeededAndLeavesNanEmpty(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    WRITER.writeCsv(csv, ROWS);
    assertEquals("id,name,flux\n1,\"a, \"\"b\"\"\",0.1\n2,c,\n", Files.readString(csv));
    assertEquals(List.of("id", "name", "flux"), WRITER.columnNames());
  }

  @Test
  void votableRoundTripsWithUnitsAndUcds(@TempDir Path dir) throws Exception {
    Path vot = dir.resolve("t.vot");
    WRITER.writeVotable(vot, ROWS);
    StarTable t = Stil.factory().makeStarTable(new FileDataSource(vot.toFile()), "votable");
    assertEquals("test rows", t.getName());
    assertEquals(3, t.getColumnCount());
    assertEquals("Jy", t.getColumnInfo(2).getUnitString());
    assertEquals("phot.flux.density", t.getColumnInfo(2).getUCD());
    try (RowSequence rs = t.getRowSequence()) {
      assertTrue(rs.next());
      assertEquals(1, ((Number) rs.getCell(0)).intValue());
      assertEquals("a, \"b\"", rs.getCell(1));
      assertEquals(0.1, ((Number) rs.getCell(2)).doubleValue(), 0);
      assertTrue(rs.next());
      Object nan = rs.getCell(2);
      assertTrue(nan == null || Double.isNaN(((Number) nan).doubleValue()), "NaN cell: " + nan);
    }
    assertTrue(
        Files.readString(vot).contains("<TD></TD>") || Files.readString(vot).contains("<TD/>"));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  @Test
  void needsColumns() {
    assertThrows(IllegalArgumentException.class, () -> new CatalogTableWriter<Row>("t", List.of()));
    assertThrows(
        NullPointerException.class,
        () -> new Column<Row>("x", Double.class, null, null, null, Row::flux));
  }
}
