package org.radioclr.formats.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;

class Ds9RegionsTest {
  private static SkyCoord fk5(double ra, double dec) {
    return new SkyCoord(ra, dec, CelestialFrame.FK5);
  }

  @Test
  void writesHeaderAndOnePolygonLinePerRegion(@TempDir Path dir) throws IOException {
    Path reg = dir.resolve("a.reg");
    Ds9Regions.writePolygons(
        reg,
        "test footprints",
        "color=red width=2",
        List.of(
            new Ds9Regions.Polygon(
                List.of(fk5(10, -30), fk5(10.5, -30), fk5(10.5, -29.5), fk5(10, -29.5)),
                "#1 0.900"),
            new Ds9Regions.Polygon(List.of(fk5(1, 2), fk5(3, 4), fk5(5, 6)), "")));
    assertEquals(
        List.of(
            "# Region file format: DS9 version 4.1",
            "# test footprints",
            "global color=red width=2",
            "fk5",
            "polygon(10.00000000,-30.00000000,10.50000000,-30.00000000,"
                + "10.50000000,-29.50000000,10.00000000,-29.50000000) # text={#1 0.900}",
            "polygon(1.00000000,2.00000000,3.00000000,4.00000000,5.00000000,6.00000000)"),
        Files.readAllLines(reg));
  }

  @Test
  void writesEachPolygonsOwnProperties(@TempDir Path dir) throws IOException {
    Path reg = dir.resolve("b.reg");
    Ds9Regions.writePolygons(
        reg,
        "",
        "",
        List.of(
            new Ds9Regions.Polygon(List.of(fk5(1, 2), fk5(3, 4), fk5(5, 6)), "7", "color=green"),
            new Ds9Regions.Polygon(List.of(fk5(1, 2), fk5(3, 4), fk5(5, 6)), "", "color=red")));
    assertEquals(
        List.of(
            "# Region file format: DS9 version 4.1",
            "fk5",
            "polygon(1.00000000,2.00000000,3.00000000,4.00000000,5.00000000,6.00000000)"
                + " # color=green text={7}",
            "polygon(1.00000000,2.00000000,3.00000000,4.00000000,5.00000000,6.00000000)"
                + " # color=red"),
        Files.readAllLines(reg));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Ds9Regions.Polygon(List.of(fk5(1, 2), fk5(3, 4), fk5(5, 6)), "", "a # b"));
  }

  @Test
  void refusesDegeneratePolygonsAndBracesInText() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Ds9Regions.Polygon(List.of(fk5(1, 2), fk5(3, 4)), ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Ds9Regions.Polygon(List.of(fk5(1, 2), fk5(3, 4), fk5(5, 6)), "a}b"));
  }
}
