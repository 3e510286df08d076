package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radioclr.core.BadInputException;
import org.radioclr.core.catalog.SourcePosition.Pixel;
import org.radioclr.core.catalog.SourcePosition.Sky;
import org.radioclr.core.catalog.SourceSize.Angular;
import org.radioclr.core.catalog.SourceSize.PixelBox;
import org.radioclr.testkit.RealData;

class CatalogReaderTest {
  private static final double EPS = 1e-12;

  @TempDir Path dir;

  /** Three sources with every kind of column; row 3 has an empty label and no minor axis. */
  private static final String CSV =
      """
      name,RA,Dec,maj,min,label,x,y,xmin,xmax,ymin,ymax
      s1,10.5,-3.2,12,6,FRI,10,20,5,15,14,26
      s2,359.99,45.0,30,20,FRII,100.5,200.25,90,111,190,210.5
      s3,-0.5,89.9,3.6,,,1,1,1,1,1,1
      """;

  private TestTables sample() {
    return new TestTables(3)
        .col("name", new String[] {"s1", "s2", "s3"})
        .col("RA", new double[] {10.5, 359.99, -0.5})
        .col("Dec", new double[] {-3.2, 45.0, 89.9})
        .col("maj", new double[] {12, 30, 3.6})
        .col("min", new double[] {6, 20, Double.NaN})
        .col("label", new String[] {"FRI", "FRII", ""})
        .col("x", new double[] {10, 100.5, 1})
        .col("y", new double[] {20, 200.25, 1})
        .col("xmin", new int[] {5, 90, 1})
        .col("xmax", new int[] {15, 111, 1})
        .col("ymin", new double[] {14, 190, 1})
        .col("ymax", new double[] {26, 210.5, 1});
  }

  private Path csv(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static void assertSample(Catalog c) {
    assertEquals(3, c.size());
    CatalogSource s1 = c.sources().get(0);
    assertEquals(0, s1.row());
    assertEquals("s1", s1.name());
    Sky p1 = assertInstanceOf(Sky.class, s1.position());
    assertEquals(10.5, p1.lonDeg(), EPS);
    assertEquals(-3.2, p1.latDeg(), EPS);
    assertEquals(new PixelBox(10, 12), s1.size());
    assertEquals(Optional.of("FRI"), s1.label());
    Sky p2 = (Sky) c.sources().get(1).position();
    assertEquals(359.99, p2.lonDeg(), EPS);
    assertEquals(new PixelBox(21, 20.5), c.sources().get(1).size());
    Sky p3 = (Sky) c.sources().get(2).position();
    assertEquals(359.5, p3.lonDeg(), EPS, "RA wrapped into [0, 360)");
    assertEquals(Optional.empty(), c.sources().get(2).label());
    assertEquals(
        "name=name position=sky(RA, Dec) size=box(xmin, xmax, ymin, ymax) label=label",
        c.columns().toString());
  }

  @Test
  void csvWithDefaults() throws IOException {
    Catalog c = CatalogReader.read(csv("cat.csv", CSV));
    assertEquals(CatalogFormat.CSV, c.format());
    assertSample(c);
  }

  @ParameterizedTest
  @ValueSource(strings = {"votable", "votable-binary2-inline", "fits", "fits-basic", "csv"})
  void everyFormatGivesTheSameSources(String handler) throws IOException {
    String ext =
        handler.startsWith("votable") ? ".vot" : handler.startsWith("fits") ? ".fits" : ".csv";
    Path f = sample().write(dir.resolve("cat" + ext), handler);
    Catalog c = CatalogReader.read(f);
    assertSample(c);
    assertEquals(CatalogReader.read(csv("ref.csv", CSV)).sources(), c.sources());
  }

  @ParameterizedTest
  @ValueSource(strings = {"votable", "fits-basic", "csv"})
  void formatIsSniffedWithoutAnExtension(String handler) throws IOException {
    Path f = sample().write(dir.resolve("catalogue.dat"), handler);
    Catalog c = CatalogReader.read(f);
    assertEquals(
        handler.equals("csv")
            ? CatalogFormat.CSV
            : handler.equals("votable") ? CatalogFormat.VOTABLE : CatalogFormat.FITS,
        c.format());
    assertSample(c);
  }

  @Test
  void gzippedCsv() throws IOException {
    Path f = dir.resolve("cat.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    assertSample(CatalogReader.read(f));
  }

  @Test
  void handWrittenVotableWithIvoaDoctype() throws IOException {
    // as astropy or an archive writes it; the IVOA DTD is served locally by STIL
    Path f = dir.resolve("cat.xml");
    Files.writeString(
        f,
        """
        <?xml version="1.0"?>
        <!DOCTYPE VOTABLE SYSTEM "http://us-vo.org/xml/VOTable.dtd">
        <VOTABLE version="1.1"><RESOURCE><TABLE>
        <FIELD name="Source_ID" datatype="char" arraysize="*"/>
        <FIELD name="RAJ2000" datatype="double" unit="deg"/>
        <FIELD name="DEJ2000" datatype="double" unit="deg"/>
        <FIELD name="LAS" datatype="float" unit="arcsec"/>
        <DATA><TABLEDATA>
        <TR><TD>J1</TD><TD>212.135</TD><TD>0.52609</TD><TD>36</TD></TR>
        </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
        """);
    Catalog c = CatalogReader.read(f);
    CatalogSource s = c.sources().get(0);
    assertEquals("J1", s.name());
    assertEquals(new Sky(212.135, 0.52609), s.position());
    assertEquals(new Angular(0.01, 0.01), s.size());
    assertEquals(20.0, s.boxSidePixels(1.8 / 3600), 1e-9, "36 arcsec at 1.8 arcsec/pixel");
    assertEquals(
        "name=Source_ID position=sky(RAJ2000, DEJ2000) size=axes(LAS) arcsec label=-",
        c.columns().toString());
  }

  @Test
  void doesNotFetchARemoteDtd() throws IOException {
    Path f = dir.resolve("cat.vot");
    Files.writeString(
        f,
        """
        <?xml version="1.0"?>
        <!DOCTYPE VOTABLE SYSTEM "http://192.0.2.1/elsewhere.dtd">
        <VOTABLE><RESOURCE><TABLE><FIELD name="ra" datatype="double"/>
        <DATA><TABLEDATA><TR><TD>1</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
        """);
    BadInputException e = assertThrows(BadInputException.class, () -> CatalogReader.read(f));
    assertTrue(e.problem().startsWith("cannot read as votable"), e.problem());
    assertTrue(e.problem().contains("'http' access is not allowed"), e.problem());
  }

  @Test
  void staysQuietOnStdoutAndInTheStarlinkLog() throws IOException {
    Path vot = sample().write(dir.resolve("cat.vot"), "votable");
    Path fits = sample().write(dir.resolve("cat.fits"), "fits");
    Path sniffed = sample().write(dir.resolve("cat.dat"), "fits-basic");
    Path text = csv("cat.csv", CSV);
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (Logger.getLogger("uk.ac.starlink").isLoggable(r.getLevel())) {
              records.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger starlink = Logger.getLogger("uk.ac.starlink");
    starlink.addHandler(handler);
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (Path p : List.of(vot, fits, sniffed, text)) {
        assertEquals(3, CatalogReader.read(p).size());
      }
    } finally {
      System.setOut(stdout);
      starlink.removeHandler(handler);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
    assertEquals(List.of(), records.stream().map(LogRecord::getMessage).toList());
  }

  // ---- column mapping paths ----

  @Test
  void alternativeSkyNamesAndNumericNames() throws IOException {
    Path f =
        csv(
            "c.csv",
            "object_id,ra_deg,dec_deg,size\n1408,212.13500,0.52609,5.4\n1409,212.467,-3.05287,2\n");
    Catalog c = CatalogReader.read(f);
    assertEquals("1408", c.sources().get(0).name());
    assertEquals(new Sky(212.135, 0.52609), c.sources().get(0).position());
    assertEquals(new Angular(5.4 / 3600, 5.4 / 3600), c.sources().get(0).size());
  }

  @Test
  void explicitColumnsOverrideCandidates() throws IOException {
    Path f = csv("c.csv", "id,name,lon,lat,big,small,cls,label\nA,a,1,2,3,2,X,Y\n");
    Catalog c =
        CatalogReader.read(
            f,
            CatalogColumns.defaults()
                .withName("ID")
                .withSky("lon", "lat")
                .withAxes("big", "small")
                .withSizeUnit(SizeUnit.ARCMIN)
                .withLabel("cls"));
    CatalogSource s = c.sources().get(0);
    assertEquals("A", s.name());
    assertEquals(new Sky(1, 2), s.position());
    assertEquals(new Angular(3.0 / 60, 2.0 / 60), s.size());
    assertEquals(Optional.of("X"), s.label());
  }

  @Test
  void noNameColumnNamesByRow() throws IOException {
    Path f = csv("c.csv", "ra,dec,maj\n1,2,3\n4,5,6\n");
    Catalog c = CatalogReader.read(f);
    assertEquals(List.of("row1", "row2"), c.sources().stream().map(CatalogSource::name).toList());
    assertTrue(c.columns().name().isEmpty());
  }

  @Test
  void pixelPositionsAreMadeZeroBased() throws IOException {
    Path f = csv("c.csv", "name,x,y,maj\na,10,20.5,4\n");
    Catalog one = CatalogReader.read(f, CatalogColumns.defaults().withSizeUnit(SizeUnit.PIXEL));
    assertEquals(new Pixel(9, 19.5), one.sources().get(0).position());
    assertEquals(new PixelBox(4, 4), one.sources().get(0).size());
    assertEquals(4.0, one.sources().get(0).boxSidePixels(1e-3), EPS, "pixel size ignores scale");
    Catalog zero =
        CatalogReader.read(
            f, CatalogColumns.defaults().withPixelOrigin(0).withSizeUnit(SizeUnit.PIXEL));
    assertEquals(new Pixel(10, 20.5), zero.sources().get(0).position());
    assertTrue(zero.columns().toString().contains("position=pixel(x, y) origin 0"));
  }

  @Test
  void skyWinsOverPixelUnlessPixelIsAsked() throws IOException {
    Path f = csv("c.csv", "name,ra,dec,x,y,maj\na,1,2,10,20,5\n");
    assertInstanceOf(Sky.class, CatalogReader.read(f).sources().get(0).position());
    assertEquals(
        new Pixel(9, 19),
        CatalogReader.read(f, CatalogColumns.defaults().withPixel(null, null))
            .sources()
            .get(0)
            .position());
  }

  @Test
  void boxCentreAndBoxSize() throws IOException {
    Path f = csv("c.csv", "name,XMIN,XMAX,YMIN,YMAX\na,5,15,14,26\n");
    Catalog c = CatalogReader.read(f);
    assertEquals(PositionKind.BOX_CENTRE, c.columns().position());
    assertEquals(new Pixel(9, 19), c.sources().get(0).position());
    assertEquals(new PixelBox(10, 12), c.sources().get(0).size());
    assertEquals(12.0, c.sources().get(0).boxSidePixels(1), EPS);
    Catalog zero = CatalogReader.read(f, CatalogColumns.defaults().withPixelOrigin(0));
    assertEquals(new Pixel(10, 20), zero.sources().get(0).position());
  }

  @Test
  void sizeUnitsConvertToDegrees() throws IOException {
    Path f = csv("c.csv", "name,ra,dec,maj\na,1,2,1.5\n");
    CatalogColumns axes = CatalogColumns.defaults().withAxes(null, null);
    Map<SizeUnit, Double> expected =
        Map.of(SizeUnit.ARCSEC, 1.5 / 3600, SizeUnit.ARCMIN, 1.5 / 60, SizeUnit.DEG, 1.5);
    for (Map.Entry<SizeUnit, Double> e : expected.entrySet()) {
      Angular a =
          (Angular) CatalogReader.read(f, axes.withSizeUnit(e.getKey())).sources().get(0).size();
      assertEquals(e.getValue(), a.majorDeg(), 1e-15, e.getKey().toString());
      assertEquals(e.getValue(), a.minorDeg(), 1e-15, "minor defaults to major");
    }
  }

  @Test
  void axesCanBeChosenOverABoxAndMinorFallsBackToMajor() throws IOException {
    Path f = csv("c.csv", CSV);
    Catalog c = CatalogReader.read(f, CatalogColumns.defaults().withAxes(null, null));
    assertEquals(new Angular(12.0 / 3600, 6.0 / 3600), c.sources().get(0).size());
    assertEquals(new Angular(3.6 / 3600, 3.6 / 3600), c.sources().get(2).size());
    assertEquals(List.of("maj", "min"), c.columns().sizeColumns());
  }

  @Test
  void withoutSizeAndWithoutLabel() throws IOException {
    Path f = csv("c.csv", "name,ra,dec,label\na,1,2,FRI\n");
    Catalog c = CatalogReader.read(f, CatalogColumns.defaults().withoutSize().withoutLabel());
    assertEquals(new SourceSize.Unknown(), c.sources().get(0).size());
    assertEquals(0.0, c.sources().get(0).boxSidePixels(1e-4));
    assertEquals(Optional.empty(), c.sources().get(0).label());
    assertEquals(
        Optional.of("FRI"),
        CatalogReader.read(f, CatalogColumns.defaults().withoutSize()).sources().get(0).label());
  }

  @Test
  void formatCanBeForced() throws IOException {
    Path f = csv("c.txt", CSV);
    assertSample(CatalogReader.read(f, CatalogColumns.defaults(), CatalogFormat.CSV));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> CatalogReader.read(f, CatalogColumns.defaults(), CatalogFormat.FITS));
    assertTrue(e.problem().startsWith("cannot read as fits"), e.problem());
  }

  // ---- bad input ----

  private BadInputException bad(Path f, CatalogColumns columns) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> CatalogReader.read(f, columns));
    assertEquals(f, e.file());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  private BadInputException bad(Path f) {
    return bad(f, CatalogColumns.defaults());
  }

  @Test
  void missingFileFolderAndEmptyFile() throws IOException {
    assertEquals("no such file", bad(dir.resolve("none.csv")).problem());
    assertTrue(bad(dir).problem().contains("folder"));
    assertTrue(bad(csv("empty.dat", "")).problem().contains("empty file"));
  }

  @Test
  void unknownAndWrongFormats() throws IOException {
    Path binary = dir.resolve("cat.bin");
    Files.write(binary, new byte[] {1, 2, 3, 0, 5});
    assertTrue(bad(binary).problem().startsWith("unknown catalogue format"));
    assertTrue(bad(csv("cat.fits", "name,ra\n")).problem().startsWith("cannot read as fits"));
    assertTrue(
        bad(csv("cat.vot", "<VOTABLE><RESOURCE>")).problem().startsWith("cannot read as votable"));
  }

  @Test
  void missingColumnsListTheColumnsThereAre() throws IOException {
    Path f = csv("c.csv", "name,lon,lat,maj\na,1,2,3\n");
    BadInputException auto = bad(f);
    assertTrue(auto.problem().startsWith("no position columns"), auto.problem());
    assertTrue(auto.problem().endsWith("columns are: name, lon, lat, maj"), auto.problem());
    BadInputException named = bad(f, CatalogColumns.defaults().withSky("lon", "DEC"));
    assertEquals(
        "no column 'DEC' for the declination; columns are: name, lon, lat, maj", named.problem());
    BadInputException sky = bad(f, CatalogColumns.defaults().withSky(null, null));
    assertTrue(sky.problem().startsWith("no column ra/ra_deg/"), sky.problem());
    Path nosize = csv("n.csv", "name,ra,dec\na,1,2\n");
    assertTrue(bad(nosize).problem().startsWith("no size columns"));
    assertTrue(
        bad(nosize, CatalogColumns.defaults().withoutSize().withLabel("class"))
            .problem()
            .startsWith("no column 'class' for the label"));
    assertTrue(
        bad(csv("m.csv", "ra,dec,maj\n1,2,3\n"), CatalogColumns.defaults().withName("src"))
            .problem()
            .startsWith("no column 'src' for the source name"));
  }

  @Test
  void badValuesNameRowAndColumn() throws IOException {
    String head = "name,ra,dec,maj,xmin,xmax,ymin,ymax\n";
    String ok = "a,1,2,3,0,1,0,1\n";
    assertEquals(
        "row 2, column 'ra': missing value (empty or NaN)",
        bad(csv("a.csv", head + ok + "b,,2,3,0,1,0,1\n")).problem());
    assertEquals(
        "row 2, column 'dec': missing value (empty or NaN)",
        bad(csv("b.csv", head + ok + "b,1,NaN,3,0,1,0,1\n")).problem());
    assertEquals(
        "row 1, column 'ra': '12:30:00' is not a number",
        bad(csv("c.csv", head + "a,12:30:00,2,3,0,1,0,1\n")).problem());
    assertEquals(
        "row 1, column 'dec': declination 95.0 is outside [-90, 90] deg",
        bad(csv("d.csv", head + "a,1,95,3,0,1,0,1\n")).problem());
    assertEquals(
        "row 1, column 'xmax': box xmax 1.0 is below xmin 7.0",
        bad(csv("e.csv", head + "a,1,2,3,7,1,0,1\n")).problem());
    assertEquals(
        "row 2, column 'maj': negative size -3.0",
        bad(
                csv("f.csv", head + ok + "b,1,2,-3,0,1,0,1\n"),
                CatalogColumns.defaults().withAxes(null, null))
            .problem());
    assertEquals(
        "row 2, column 'name': empty source name",
        bad(csv("g.csv", head + ok + ",1,2,3,0,1,0,1\n")).problem());
    assertEquals(
        "row 1, column 'x': infinite value",
        bad(csv("h.csv", "x,y,maj\nInfinity,1,2\n")).problem());
  }

  @Test
  void emptyTable() throws IOException {
    assertEquals("the catalogue has no rows", bad(csv("e.csv", "name,ra,dec,maj\n")).problem());
    Path vot =
        new TestTables(0)
            .col("ra", new double[0])
            .col("dec", new double[0])
            .col("maj", new double[0])
            .write(dir.resolve("e.vot"), "votable");
    assertEquals("the catalogue has no rows", bad(vot).problem());
  }

  @Test
  void arrayColumnIsRejected() throws IOException {
    Path f =
        new TestTables(2)
            .col("ra", new double[][] {{1, 2}, {3, 4}})
            .col("dec", new double[] {1, 2})
            .col("maj", new double[] {1, 2})
            .write(dir.resolve("v.fits"), "fits-basic");
    assertEquals("column 'ra' holds arrays, not one value per row", bad(f).problem());
  }

  // ---- real data ----

  /** The FR-DEEP label table: 658 rows, object_id, ra_deg/dec_deg, label; it has no sizes. */
  @Test
  void realFrdeepLabelTable() {
    Path labels = RealData.require("frdeep-first").resolve("labels.csv");
    assertTrue(bad(labels).problem().startsWith("no size columns"));
    Catalog c = CatalogReader.read(labels, CatalogColumns.defaults().withoutSize());
    assertEquals(658, c.size());
    assertEquals(
        "name=object_id position=sky(ra_deg, dec_deg) size=none label=label",
        c.columns().toString());
    CatalogSource first = c.sources().get(0);
    assertEquals("1408+0050", first.name());
    assertEquals(new Sky(212.135, 0.52609), first.position());
    Map<String, Long> counts =
        c.sources().stream()
            .collect(Collectors.groupingBy(s -> s.label().orElseThrow(), Collectors.counting()));
    assertEquals(Map.of("FRI", 269L, "FRII", 389L), counts);
    assertEquals(Set.of(), c.duplicateNames());
  }
}
