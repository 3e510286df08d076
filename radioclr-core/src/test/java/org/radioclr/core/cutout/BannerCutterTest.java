package org.radioclr.core.cutout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;

class BannerCutterTest {
  private static final int W = 200;
  private static final int H = 150;
  private static final double PIX_DEG = 2.0 / 3600;
  private static final double NOISE = 1e-3;

  /** Planted sources (0-based map pixels): A and C on pixel centres, B between four pixels. */
  private static final double[][] PLANTED = {{60, 50}, {120.5, 80.5}, {5, 140}};

  /** 1.5 x the box, floor 32 pixels, at most 512 pixels. */
  private static final BannerConfig CONFIG = new BannerConfig(1.5, 32, 512);

  @TempDir Path dir;

  // ---------------------------------------------------------------- sky catalogue, TAN map

  @Test
  void cutsOneCutoutPerSourceCentredOnIt() {
    Path map = writeMap("map.fits", tanCards());
    Path out = dir.resolve("out");
    CutoutSummary s = cutter().cut(map, skyCatalogue(map), CatalogColumns.defaults(), out);

    assertEquals(3, s.written(), s.format());
    assertEquals(
        Map.of(
            BannerCutter.OFF_MAP,
            1L,
            BannerCutter.NO_PROJECTION,
            1L,
            "cutout larger than the maximum of 512 pixels",
            1L),
        s.skipped());
    assertTrue(s.failures().isEmpty(), s.failures()::toString);

    // A: 60" major axis = 30 pixels -> 45-pixel side; the planted peak is at the centre (22, 22).
    Plane a = FitsReader.read(out.resolve("frames/A.fits")).plane();
    assertEquals(45, a.width());
    assertEquals(45, a.height());
    assertArrayEquals(new int[] {22, 22}, argmax(a));
    assertEquals(1.0, a.get(22, 22), 10 * NOISE);
    // B: 10" = 5 pixels -> 7.5, raised to the 32-pixel floor.
    Plane b = FitsReader.read(out.resolve("frames/B.fits")).plane();
    assertEquals(32, b.width());
    assertEquals(32, b.height());
  }

  @Test
  void padsWithNanWhereTheWindowRunsOffTheMap() {
    Path map = writeMap("map.fits", tanCards());
    Path out = dir.resolve("out");
    cutter().cut(map, skyCatalogue(map), CatalogColumns.defaults(), out);
    // C at (5, 140), side 32: origin (-10, 125), so columns 0..9 and rows 25..31 are off the map.
    Plane c = FitsReader.read(out.resolve("frames/C.fits")).plane();
    assertEquals(32, c.width());
    int nan = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        boolean off = x < 10 || y + 125 >= H;
        assertEquals(off, Float.isNaN(c.get(x, y)), "pixel (" + x + ", " + y + ")");
        nan += off ? 1 : 0;
      }
    }
    assertEquals(10 * 32 + 7 * 22, nan);
    // The map pixel under the source is where it belongs: map (5, 140) = cutout (15, 15).
    assertEquals(1.0, c.get(15, 15), 10 * NOISE);
  }

  @Test
  void shiftedReferencePixelPutsTheSourceAtTheCutoutCentre() {
    Path map = writeMap("map.fits", tanCards());
    Path out = dir.resolve("out");
    cutter().cut(map, skyCatalogue(map), CatalogColumns.defaults(), out);
    Wcs mapWcs = Wcs.fromHeader(FitsReader.read(map).header());
    String[] names = {"A", "B", "C"};
    // Offsets of the source from the cutout centre, in cutout pixels: A and B exact, C -0.5.
    double[] offset = {0, 0, -0.5};
    for (int i = 0; i < 3; i++) {
      SkyCoord source = mapWcs.pixelToSky(PLANTED[i][0], PLANTED[i][1]);
      FitsImage cut = FitsReader.read(out.resolve("frames/" + names[i] + ".fits"));
      Wcs wcs = Wcs.fromHeader(cut.header());
      double half = (cut.width() - 1) / 2.0;
      double[] xy = wcs.skyToPixel(source);
      assertEquals(offset[i], xy[0] - half, 1e-6, names[i] + " x");
      assertEquals(offset[i], xy[1] - half, 1e-6, names[i] + " y");
      if (offset[i] == 0) {
        assertTrue(
            wcs.pixelToSky(half, half).separationDeg(source) < 1e-6,
            names[i] + " centre " + wcs.pixelToSky(half, half) + " vs " + source);
      }
      assertTrue(
          history(cut.header()).stream()
              .anyMatch(h -> h.startsWith("radioclr banner cutout") && h.contains("map.fits")),
          history(cut.header())::toString);
    }
  }

  @Test
  void datalistListsTheCutoutsWithLabelsAndExtras() {
    Path map = writeMap("map.fits", tanCards());
    Path out = dir.resolve("out");
    Path cat = skyCatalogue(map);
    cutter().cut(map, cat, CatalogColumns.defaults(), out);
    List<DatalistEntry> entries = DatalistReader.readAll(out.resolve("datalist.json"));
    assertEquals(List.of("A", "B", "C"), entries.stream().map(DatalistEntry::sname).toList());
    assertEquals(List.of("FRI"), entries.get(0).labels());
    assertEquals(List.of("FRII"), entries.get(1).labels());
    assertEquals(List.of(), entries.get(2).labels());
    assertTrue(entries.stream().allMatch(e -> e.ids().isEmpty()));
    assertEquals(
        List.of(out.resolve("frames/A.fits").toAbsolutePath().normalize()),
        entries.get(0).files().stream().map(p -> p.toAbsolutePath().normalize()).toList());

    Map<String, Object> a = entries.get(0).extras();
    assertEquals(map.toAbsolutePath().normalize(), out.resolve((String) a.get("map")).normalize());
    assertEquals(
        cat.toAbsolutePath().normalize(), out.resolve((String) a.get("catalogue")).normalize());
    assertEquals(0, ((Number) a.get("row")).intValue());
    assertEquals(38, a.get("x0"));
    assertEquals(28, a.get("y0"));
    assertEquals(45, a.get("size"));
    assertEquals(60.0, (Double) a.get("x"), 1e-6);
    assertEquals(50.0, (Double) a.get("y"), 1e-6);
    SkyCoord src = Wcs.fromHeader(FitsReader.read(map).header()).pixelToSky(60, 50);
    assertEquals(src.lon(), (Double) a.get("ra"), 1e-9);
    assertEquals(src.lat(), (Double) a.get("dec"), 1e-9);
    assertEquals(NOISE, (Double) a.get("rms"), 0.2 * NOISE);

    Map<String, Object> c = entries.get(2).extras();
    assertEquals(2, ((Number) c.get("row")).intValue());
    assertEquals(-10, c.get("x0"));
    assertEquals(125, c.get("y0"));
    assertEquals(32, c.get("size"));
  }

  @Test
  void reportsProgressPerSource() {
    Path map = writeMap("map.fits", tanCards());
    AtomicInteger starts = new AtomicInteger();
    AtomicInteger finishes = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    List<String> tasks = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void start(String task, long total) {
            starts.incrementAndGet();
            tasks.add(task);
            totals.add(total);
          }

          @Override
          public void advance(long n) {
            done.addAndGet(n);
          }

          @Override
          public void finish() {
            finishes.incrementAndGet();
          }
        };
    new BannerCutter(CONFIG, listener)
        .cut(map, skyCatalogue(map), CatalogColumns.defaults(), dir.resolve("out"));
    assertEquals(1, starts.get());
    assertEquals(List.of("cutting map.fits around 6 sources"), tasks);
    assertEquals(List.of(6L), totals);
    assertEquals(6, done.get());
    assertEquals(1, finishes.get());
  }

  // ---------------------------------------------------------------- nothing to cut

  @Test
  void everySourceOffTheMapOrTooLargeIsAnErrorAndTheOldOutputStays() throws IOException {
    // the run used to write an empty datalist over the old one and succeed
    Path map = writeMap("nowcs.fits", FitsCards.create().set("BUNIT", "Jy/beam"));
    Path out = dir.resolve("out");
    Path good = write("good.csv", "name,x,y\nA,61,51\n");
    assertEquals(
        1, cutter().cut(map, good, CatalogColumns.defaults().withoutSize(), out).written());
    byte[] before = Files.readAllBytes(out.resolve("datalist.json"));

    Path off =
        write(
            "off.csv",
            """
            name,x,y,xmin,xmax,ymin,ymax
            Z,300,51,290,310,41,61
            Y,-40,51,-50,-30,41,61
            H,61,51,1,1000,41,61
            """);
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> cutter().cut(map, off, CatalogColumns.defaults(), out));
    assertEquals(
        map
            + ": no cutout written for the 3 sources of "
            + off
            + ": 2 centre outside the map, 1 cutout larger than the maximum of 512 pixels",
        e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(out.resolve("datalist.json")));

    Path one = write("one.csv", "name,x,y\nZ,300,51\n");
    Path fresh = dir.resolve("fresh");
    BadInputException single =
        assertThrows(
            BadInputException.class,
            () -> cutter().cut(map, one, CatalogColumns.defaults().withoutSize(), fresh));
    assertEquals(
        "no cutout written for the only source of " + one + ": 1 centre outside the map",
        single.problem());
    assertFalse(Files.exists(fresh), "no empty folders left behind");
  }

  // ---------------------------------------------------------------- frames

  @Test
  void galacticMapTakesCatalogueRaDecAsIcrs() {
    FitsCards cards =
        tanCards().set("CTYPE1", "GLON-TAN").set("CTYPE2", "GLAT-TAN").remove("RADESYS");
    Path map = writeMap("gal.fits", cards);
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    assertEquals(CelestialFrame.GALACTIC, wcs.frame());
    SkyCoord icrs = wcs.pixelToSky(60, 50).to(CelestialFrame.ICRS);
    Path cat = write("gal.csv", "name,ra,dec,maj\nA," + icrs.lon() + "," + icrs.lat() + ",60\n");
    Path out = dir.resolve("out");
    CutoutSummary s = cutter().cut(map, cat, CatalogColumns.defaults(), out);
    assertEquals(1, s.written(), s.format());
    assertArrayEquals(
        new int[] {22, 22}, argmax(FitsReader.read(out.resolve("frames/A.fits")).plane()));
    Map<String, Object> e = DatalistReader.readAll(out.resolve("datalist.json")).get(0).extras();
    assertEquals(icrs.lon(), (Double) e.get("ra"), 1e-8);
    assertEquals(icrs.lat(), (Double) e.get("dec"), 1e-8);
  }

  // ---------------------------------------------------------------- pixel catalogue, no WCS

  @Test
  void pixelCatalogueWithOriginOneWorksWithoutWcs() {
    Path map = writeMap("nowcs.fits", FitsCards.create().set("BUNIT", "Jy/beam"));
    // FITS/DS9 pixel (61, 51) = 0-based (60, 50); box 30 x 20 -> side 45.
    Path cat =
        write(
            "pix.csv",
            """
            name,x,y,xmin,xmax,ymin,ymax,class
            A,61,51,46,76,41,61,FRII
            Z,300,51,290,310,41,61,FRI
            """);
    Path out = dir.resolve("out");
    CutoutSummary s = cutter().cut(map, cat, CatalogColumns.defaults(), out);
    assertEquals(1, s.written(), s.format());
    assertEquals(Map.of(BannerCutter.OFF_MAP, 1L), s.skipped());
    assertEquals(1, s.warnings().size());
    assertTrue(s.warnings().get(0).contains("no usable WCS"), s.warnings()::toString);
    Plane a = FitsReader.read(out.resolve("frames/A.fits")).plane();
    assertEquals(45, a.width());
    assertArrayEquals(new int[] {22, 22}, argmax(a));
    DatalistEntry e = DatalistReader.readAll(out.resolve("datalist.json")).get(0);
    assertEquals(List.of("FRII"), e.labels());
    assertEquals(38, e.extras().get("x0"));
    assertEquals(28, e.extras().get("y0"));
    assertFalse(e.extras().containsKey("ra"));
    assertFalse(e.extras().containsKey("dec"));
  }

  @Test
  void mapWithoutWcsAndSkyCatalogueIsOneClearError() {
    Path map = writeMap("nowcs.fits", FitsCards.create());
    Path cat = write("sky.csv", "name,ra,dec,maj\nA,150.0,2.0,20\n");
    Path out = dir.resolve("out");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> cutter().cut(map, cat, CatalogColumns.defaults(), out));
    assertTrue(e.getMessage().startsWith(map.toString() + ": no usable WCS"), e.getMessage());
    assertTrue(e.getMessage().contains("sky positions and angular sizes"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertFalse(Files.exists(out.resolve("datalist.json")));

    // Pixel positions with angular sizes need the pixel scale too.
    Path mixed = write("mixed.csv", "name,x,y,maj\nA,61,51,20\n");
    BadInputException e2 =
        assertThrows(
            BadInputException.class,
            () -> cutter().cut(map, mixed, CatalogColumns.defaults(), out));
    assertTrue(e2.getMessage().contains("gives angular sizes;"), e2.getMessage());
  }

  @Test
  void catalogueMissingAColumnSurfacesTheReadersError() {
    Path map = writeMap("map.fits", tanCards());
    Path cat = skyCatalogue(map);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                cutter()
                    .cut(
                        map,
                        cat,
                        CatalogColumns.defaults().withSky("RAJ2000", null),
                        dir.resolve("out")));
    assertTrue(e.getMessage().startsWith(cat.toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("no column 'RAJ2000'"), e.getMessage());
  }

  // ---------------------------------------------------------------- names, failures, re-runs

  @Test
  void fileNamesAreSafeAndUnique() {
    Path map = writeMap("nowcs.fits", FitsCards.create());
    Path cat =
        write(
            "names.csv",
            """
            name,x,y
            A,61,51
            a,61,51
            A,61,51
            3C 192/x,61,51
            .hidden,61,51
            """);
    Path out = dir.resolve("out");
    CutoutSummary s = cutter().cut(map, cat, CatalogColumns.defaults().withoutSize(), out);
    assertEquals(5, s.written(), s.format());
    assertTrue(s.warnings().stream().anyMatch(w -> w.contains("more than once")), s::format);
    List<DatalistEntry> entries = DatalistReader.readAll(out.resolve("datalist.json"));
    assertEquals(
        List.of("A", "a", "A", "3C 192/x", ".hidden"),
        entries.stream().map(DatalistEntry::sname).toList());
    assertEquals(
        List.of("A.fits", "a-2.fits", "A-3.fits", "3C_192_x.fits", "_hidden.fits"),
        entries.stream().map(e -> e.files().get(0).getFileName().toString()).toList());
  }

  @Test
  void shardsNameTheirCutoutsAsOneProcessAndCountOnlyTheirOwnSources() {
    Path map = writeMap("nowcs.fits", FitsCards.create());
    Path cat =
        write(
            "names.csv",
            """
            name,x,y
            A,61,51
            a,61,51
            off,-500,51
            A,61,51
            3C 192/x,61,51
            """);
    Path one = dir.resolve("one");
    cutter().cut(map, cat, CatalogColumns.defaults().withoutSize(), one);
    Path out = dir.resolve("sharded");
    List<DatalistEntry> merged = new java.util.ArrayList<>();
    long skipped = 0;
    for (int i = 0; i < 3; i++) {
      CutoutSummary s =
          cutter().cut(map, cat, CatalogColumns.defaults().withoutSize(), out, new Shard(i, 3));
      skipped += s.skipped().values().stream().mapToLong(Long::longValue).sum();
      merged.addAll(DatalistReader.readAll(new Shard(i, 3).partOf(out.resolve("datalist.json"))));
    }
    assertEquals(1, skipped); // the source off the map, counted by its own shard only
    List<DatalistEntry> whole = DatalistReader.readAll(one.resolve("datalist.json"));
    assertEquals(
        whole.stream().map(e -> one.relativize(e.files().get(0))).toList(),
        merged.stream().map(e -> out.relativize(e.files().get(0))).toList());
    assertEquals(
        List.of("A.fits", "a-2.fits", "A-3.fits", "3C_192_x.fits"),
        merged.stream().map(e -> e.files().get(0).getFileName().toString()).toList());
  }

  @Test
  void uniqueStemIgnoresCaseAndAvoidsTakenSuffixes() {
    Set<String> used = new HashSet<>();
    assertEquals("a-2", FileStems.unique("a-2", used));
    assertEquals("A", FileStems.unique("A", used));
    assertEquals("a-3", FileStems.unique("a", used));
    assertEquals("J1234+5678", FileStems.unique(" J1234+5678 ", used));
    assertEquals("3C_192", FileStems.unique("3C 192", used));
    assertEquals("_x", FileStems.unique("-x", used));
    assertEquals(120, FileStems.unique("n".repeat(300), used).length());
  }

  @Test
  void aCutoutThatCannotBeWrittenIsListedAndTheRunGoesOn() throws IOException {
    Path map = writeMap("map.fits", tanCards());
    Path out = dir.resolve("out");
    // A non-empty folder where B's file should go: the rename onto it fails.
    Files.createDirectories(out.resolve("frames/B.fits"));
    Files.writeString(out.resolve("frames/B.fits/keep"), "x");
    CutoutSummary s = cutter().cut(map, skyCatalogue(map), CatalogColumns.defaults(), out);
    assertEquals(2, s.written(), s.format());
    assertEquals(1, s.failures().size(), s::format);
    assertTrue(s.failures().get(0).contains("B.fits"), s.failures()::toString);
    assertEquals(
        List.of("A", "C"),
        DatalistReader.readAll(out.resolve("datalist.json")).stream()
            .map(DatalistEntry::sname)
            .toList());
  }

  @Test
  void reRunReplacesTheDatalistAtomically() throws IOException {
    Path map = writeMap("map.fits", tanCards());
    Path out = dir.resolve("out");
    Path datalist = out.resolve("datalist.json");
    cutter().cut(map, skyCatalogue(map), CatalogColumns.defaults(), out);
    assertEquals(3, DatalistReader.readAll(datalist).size());

    Path one = write("one.csv", "name,x,y,xmin,xmax,ymin,ymax\nB,121.5,81.5,110,120,70,80\n");
    CutoutSummary s = cutter().cut(map, one, CatalogColumns.defaults(), out);
    assertEquals(1, s.written());
    assertEquals(
        List.of("B"), DatalistReader.readAll(datalist).stream().map(DatalistEntry::sname).toList());
    assertEquals(List.of("datalist.json", "frames"), listing(out));

    // A run that fails leaves the previous datalist as it was.
    byte[] before = Files.readAllBytes(datalist);
    assertThrows(
        BadInputException.class,
        () -> cutter().cut(map, one, CatalogColumns.defaults().withSky("ra", "dec"), out));
    assertArrayEquals(before, Files.readAllBytes(datalist));
    assertEquals(List.of("datalist.json", "frames"), listing(out));
  }

  @Test
  void cutoutWithNoValidPixelIsSkipped() {
    Plane blank = Plane.zeros(W, H); // 0 is blank on survey maps
    blank.set(190, 140, 1f); // one valid pixel, far from the source
    Path map = dir.resolve("blank.fits");
    FitsWriter.write(map, blank, FitsCards.create());
    // B's cutout holds the valid pixel (a run that writes nothing at all is an error)
    Path cat = write("c.csv", "name,x,y\nA,61,51\nB,191,141\n");
    CutoutSummary s =
        cutter().cut(map, cat, CatalogColumns.defaults().withoutSize(), dir.resolve("out"));
    assertEquals(1, s.written());
    assertEquals(Map.of(BannerCutter.ALL_BLANK, 1L), s.skipped());
  }

  @Test
  void cutoutMoreBlankThanTheLimitIsSkipped() {
    Path map = writeMap("map.fits", tanCards());
    // C's cutout is 474 / 1024 = 46% off the map (see padsWithNanWhereTheWindowRunsOffTheMap)
    CutoutSummary strict =
        new BannerCutter(CONFIG.withMaxBlankFraction(0.3), ProgressListener.NONE)
            .cut(map, skyCatalogue(map), CatalogColumns.defaults(), dir.resolve("strict"));
    assertEquals(2, strict.written(), strict.format());
    assertEquals(1L, strict.skipped().get("more than 30% blank"), strict.format());
    assertFalse(Files.exists(dir.resolve("strict/frames/C.fits")));
    CutoutSummary loose =
        new BannerCutter(CONFIG.withMaxBlankFraction(0.5), ProgressListener.NONE)
            .cut(map, skyCatalogue(map), CatalogColumns.defaults(), dir.resolve("loose"));
    assertEquals(3, loose.written(), loose.format());
    assertTrue(Files.exists(dir.resolve("loose/frames/C.fits")));
  }

  // ---------------------------------------------------------------- helpers

  private static BannerCutter cutter() {
    return new BannerCutter(CONFIG, ProgressListener.NONE);
  }

  /** ICRS TAN map, 2"/pixel, reference pixel at the map centre. */
  private static FitsCards tanCards() {
    return FitsCards.create()
        .tanSky(150.0, 2.0, (W + 1) / 2.0, (H + 1) / 2.0, PIX_DEG)
        .set("BUNIT", "Jy/beam");
  }

  /** Seeded noise plus unit-peak Gaussians (sigma 1.5 pixels) at {@link #PLANTED}. */
  private Path writeMap(String name, FitsCards cards) {
    SplittableRandom rng = new SplittableRandom(42);
    Plane p = Plane.zeros(W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double v = NOISE * rng.nextGaussian();
        for (double[] s : PLANTED) {
          double r2 = (x - s[0]) * (x - s[0]) + (y - s[1]) * (y - s[1]);
          v += Math.exp(-r2 / (2 * 1.5 * 1.5));
        }
        p.set(x, y, (float) v);
      }
    }
    Path file = dir.resolve(name);
    FitsWriter.write(file, p, cards);
    return file;
  }

  /**
   * Sky catalogue: A, B, C at the planted sources (major axes 60", 10", 40"; labels FRI, FRII,
   * none), D off the map, E too large (3000" = 1500 pixels), F on the far side of the sky (does not
   * project in TAN).
   */
  private Path skyCatalogue(Path map) {
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    StringBuilder sb = new StringBuilder("name,ra,dec,maj,label\n");
    row(sb, "A", wcs.pixelToSky(PLANTED[0][0], PLANTED[0][1]), 60, "FRI");
    row(sb, "B", wcs.pixelToSky(PLANTED[1][0], PLANTED[1][1]), 10, "FRII");
    row(sb, "C", wcs.pixelToSky(PLANTED[2][0], PLANTED[2][1]), 40, "");
    row(sb, "D", wcs.pixelToSky(-30, 40), 20, "FRI");
    row(sb, "E", wcs.pixelToSky(100, 75), 3000, "FRI");
    row(sb, "F", new SkyCoord(330.0, -2.0, CelestialFrame.ICRS), 20, "FRII");
    return write("sky.csv", sb.toString());
  }

  private static void row(StringBuilder sb, String name, SkyCoord c, double maj, String label) {
    sb.append(name)
        .append(',')
        .append(c.lon())
        .append(',')
        .append(c.lat())
        .append(',')
        .append(maj)
        .append(',')
        .append(label)
        .append('\n');
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static int[] argmax(Plane p) {
    int best = 0;
    float[] d = p.data();
    for (int i = 1; i < d.length; i++) {
      if (d[i] > d[best]) {
        best = i;
      }
    }
    return new int[] {best % p.width(), best / p.width()};
  }

  private static List<String> history(Header h) {
    List<String> lines = new ArrayList<>();
    var it = h.iterator();
    while (it.hasNext()) {
      HeaderCard c = it.next();
      if ("HISTORY".equals(c.getKey())) {
        lines.add(c.getComment());
      }
    }
    return lines;
  }
}
