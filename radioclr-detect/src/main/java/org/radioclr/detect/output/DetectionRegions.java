package org.radioclr.detect.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.detect.tiles.MapObject;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.region.Ds9Regions;

/**
 * DS9 regions of the objects found on a map ({@link Ds9Regions}, fk5): one polygon along the
 * outline of each island of each mask ({@link MaskOutline}), through the map's WCS, labelled with
 * the object id and coloured by class: SPURIOUS red, COMPACT green, EXTENDED cyan,
 * EXTENDED-MULTISLAND magenta, FLAGGED yellow. A polygon with a vertex outside the projection is
 * left out.
 */
public final class DetectionRegions {
  private static final Map<DetectionClass, String> COLOURS = new EnumMap<>(DetectionClass.class);

  static {
    COLOURS.put(DetectionClass.SPURIOUS, "red");
    COLOURS.put(DetectionClass.COMPACT, "green");
    COLOURS.put(DetectionClass.EXTENDED, "cyan");
    COLOURS.put(DetectionClass.EXTENDED_MULTISLAND, "magenta");
    COLOURS.put(DetectionClass.FLAGGED, "yellow");
  }

  private DetectionRegions() {}

  /** The DS9 colour name of a class. */
  public static String colour(DetectionClass c) {
    return COLOURS.get(c);
  }

  /** The polygons of the catalogue rows. */
  public static List<Ds9Regions.Polygon> polygons(
      List<DetectionCatalogue.Row> rows, int mapWidth, Wcs wcs) {
    List<Ds9Regions.Polygon> out = new ArrayList<>();
    for (DetectionCatalogue.Row r : rows) {
      MapObject o = r.object();
      String props = "color=" + colour(o.detectionClass());
      for (double[] poly : MaskOutline.of(o.pixels(), mapWidth)) {
        List<SkyCoord> v = new ArrayList<>(poly.length / 2);
        boolean valid = true;
        for (int k = 0; k < poly.length && valid; k += 2) {
          SkyCoord c = wcs.pixelToSky(poly[k], poly[k + 1]);
          valid = c.isValid();
          v.add(c);
        }
        if (valid) {
          out.add(new Ds9Regions.Polygon(v, Integer.toString(r.id()), props));
        }
      }
    }
    return out;
  }

  /** Writes the region file, atomically. */
  public static void write(
      Path target, List<DetectionCatalogue.Row> rows, int mapWidth, Wcs wcs, String comment) {
    Ds9Regions.writePolygons(
        target,
        comment,
        "width=1 font=\"helvetica 9 normal roman\"",
        polygons(rows, mapWidth, wcs));
  }
}
