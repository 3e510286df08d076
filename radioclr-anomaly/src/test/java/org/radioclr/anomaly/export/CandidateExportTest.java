package org.radioclr.anomaly.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.anomaly.frames.FrameLocator;
import org.radioclr.core.BadInputException;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.formats.table.ScoreTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.FileDataSource;

class CandidateExportTest {
  @TempDir Path dir;
  Path map;
  Path datalist;
  Path scores;
  static final int[][] ORIGINS = {{0, 0}, {32, 16}, {64, 40}};

  @BeforeEach
  void writeMapFramesAndScores() throws Exception {
    SplittableRandom r = new SplittableRandom(1);
    float[] px = new float[100 * 80];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextGaussian();
    }
    Plane plane = new Plane(100, 80, px);
    FitsCards cards = FitsCards.create().tanSky(150, 2, 50, 40, 0.001);
    map = dir.resolve("hulk/map.fits");
    Files.createDirectories(map.getParent());
    FitsWriter.write(map, plane, cards);
    var header = FitsReader.read(map).header();
    StringBuilder dl = new StringBuilder("{\"data\": [");
    for (int i = 0; i < ORIGINS.length; i++) {
      int x0 = ORIGINS[i][0];
      int y0 = ORIGINS[i][1];
      Path f = dir.resolve("hulk/frames/fr" + i + ".fits");
      Files.createDirectories(f.getParent());
      FitsWriter.write(
          f, Pixels.window(plane, x0, y0, 32, 32), FitsCards.from(header).shifted(header, x0, y0));
      dl.append(i > 0 ? "," : "")
          .append("{\"filepaths\": [\"frames/fr")
          .append(i)
          .append(".fits\"], \"sname\": \"fr")
          .append(i)
          .append("\"}");
    }
    datalist = dir.resolve("hulk/datalist.json");
    Files.writeString(datalist, dl.append("]}").toString());
    scores = dir.resolve("scores.csv");
    Files.writeString(
        scores,
        "sname,id,label,map,x0,y0,score,outlier\n"
            + "fr1,,\"PECULIAR;COMPACT\",map.fits,32,16,0.9,true\n"
            + "fr2,,,map.fits,64,40,0.6,false\n"
            + "fr0,,COMPACT,map.fits,0,0,0.3,false\n");
  }

  @Test
  void catalogueRoundTripsThroughCsvAndVotable() throws Exception {
    ScoreTable t = ScoreTable.read(scores);
    Path out = dir.resolve("out");
    CandidateExport.write(
        out,
        t,
        CandidateSelection.top(t, 2),
        FrameLocator.fromDatalist(datalist),
        36,
        32,
        ProgressListener.NONE);
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    for (String format : List.of("csv", "votable")) {
      Path file = out.resolve(format.equals("csv") ? "candidates.csv" : "candidates.vot");
      StarTable st =
          new StarTableFactory(false).makeStarTable(new FileDataSource(file.toFile()), format);
      assertEquals(CandidateCatalog.COLUMN_NAMES.size(), st.getColumnCount());
      for (int c = 0; c < st.getColumnCount(); c++) {
        assertEquals(CandidateCatalog.COLUMN_NAMES.get(c), st.getColumnInfo(c).getName());
      }
      try (RowSequence rs = st.getRowSequence()) {
        assertTrue(rs.next());
        assertEquals(1, ((Number) rs.getCell(0)).intValue());
        assertEquals("fr1", rs.getCell(1));
        // STIL's CSV reader types columns by their values (here float); the VOTable keeps double
        double eps = format.equals("csv") ? 1e-7 : 0;
        assertEquals(0.9, ((Number) rs.getCell(2)).doubleValue(), eps);
        assertEquals(Boolean.TRUE, rs.getCell(3));
        assertEquals("PECULIAR;COMPACT", rs.getCell(4));
        SkyCoord centre = wcs.pixelToSky(32 + 15.5, 16 + 15.5);
        assertEquals(centre.lon(), ((Number) rs.getCell(5)).doubleValue(), 1e-12);
        assertEquals(centre.lat(), ((Number) rs.getCell(6)).doubleValue(), 1e-12);
        assertEquals(dir.resolve("hulk/frames/fr1.fits").toString(), rs.getCell(7));
        assertEquals(0, ((Number) rs.getCell(8)).intValue());
        assertEquals(32, ((Number) rs.getCell(10)).intValue());
        assertTrue(rs.next());
        assertEquals("fr2", rs.getCell(1));
        assertFalse(rs.next());
      }
    }
    assertTrue(Files.size(out.resolve("candidates.png")) > 0);
  }

  @Test
  void regionCornersAreTheWcsOfTheFrameCornersEitherWay() throws Exception {
    ScoreTable t = ScoreTable.read(scores);
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    for (FrameLocator locator :
        List.of(
            FrameLocator.fromDatalist(datalist), FrameLocator.fromMaps(map.getParent(), 32, t))) {
      List<Candidate> c =
          CandidateExport.candidates(
              t, CandidateSelection.top(t, 3), locator, ProgressListener.NONE);
      Path reg = dir.resolve("c.reg");
      CandidateCatalog.writeRegions(reg, c);
      List<String> polys =
          Files.readAllLines(reg).stream().filter(l -> l.startsWith("polygon(")).toList();
      assertEquals(3, polys.size());
      int[][] origins = {ORIGINS[1], ORIGINS[2], ORIGINS[0]};
      for (int k = 0; k < 3; k++) {
        String line = polys.get(k);
        assertTrue(
            line.endsWith(
                "# text={#"
                    + (k + 1)
                    + " "
                    + (k == 0 ? "0.900" : k == 1 ? "0.600" : "0.300")
                    + "}"),
            line);
        String[] v = line.substring(8, line.indexOf(')')).split(",");
        assertEquals(8, v.length);
        double x0 = origins[k][0] - 0.5;
        double y0 = origins[k][1] - 0.5;
        double[][] px = {{x0, y0}, {x0 + 32, y0}, {x0 + 32, y0 + 32}, {x0, y0 + 32}};
        for (int i = 0; i < 4; i++) {
          SkyCoord s = wcs.pixelToSky(px[i][0], px[i][1]).to(CelestialFrame.FK5);
          assertEquals(s.lon(), Double.parseDouble(v[2 * i]), 1e-8, line);
          assertEquals(s.lat(), Double.parseDouble(v[2 * i + 1]), 1e-8, line);
        }
      }
    }
  }

  @Test
  void selectsTopNOrAboveAThreshold() throws Exception {
    ScoreTable t = ScoreTable.read(scores);
    assertArrayEquals(new int[] {0, 1}, CandidateSelection.top(t, 2));
    assertArrayEquals(new int[] {0, 1, 2}, CandidateSelection.top(t, 10));
    assertArrayEquals(new int[] {0, 1}, CandidateSelection.threshold(t, 0.6));
    assertArrayEquals(new int[] {0}, CandidateSelection.threshold(t, 0.61));
    assertEquals(
        scores + ": no frame scores >= 0.95 (the highest score is 0.9)",
        assertThrows(BadInputException.class, () -> CandidateSelection.threshold(t, 0.95))
            .getMessage());
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "sname,score\n");
    assertEquals(
        empty + ": empty score table: no candidates",
        assertThrows(
                BadInputException.class, () -> CandidateSelection.top(ScoreTable.read(empty), 3))
            .getMessage());
  }

  @Test
  void framesThatCannotBeLocatedAreOneClearErrorEach() throws Exception {
    Path other = dir.resolve("other.csv");
    Files.writeString(other, "sname,score\nnope,0.5\n");
    ScoreTable t = ScoreTable.read(other);
    FrameLocator byDatalist = FrameLocator.fromDatalist(datalist);
    assertEquals(
        datalist + ": frame 'nope' is not listed",
        assertThrows(BadInputException.class, () -> byDatalist.locate(t, 0)).getMessage());
    assertEquals(
        other
            + ": no 'map' column, so frames cannot be cut from the maps; give the datalist that"
            + " made the features instead",
        assertThrows(BadInputException.class, () -> FrameLocator.fromMaps(dir, 32, t))
            .getMessage());
    Path flat = dir.resolve("hulk/frames/fr0.fits");
    float[] ones = new float[32 * 32];
    java.util.Arrays.fill(ones, 1f);
    FitsWriter.write(flat, new Plane(32, 32, ones));
    ScoreTable s = ScoreTable.read(scores);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> CandidateExport.candidates(s, new int[] {2}, byDatalist, ProgressListener.NONE));
    assertTrue(e.getMessage().startsWith(flat + ": no celestial WCS: "), e.getMessage());
  }
}
