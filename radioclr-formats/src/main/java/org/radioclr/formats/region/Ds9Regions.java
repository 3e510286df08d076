package org.radioclr.formats.region;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;

/**
 * Writes SAOImage DS9 region files (format 4.1) in {@code fk5} degrees: one {@code polygon} per
 * {@link Polygon}, with an optional text label and its own properties (a colour). Vertices in any
 * celestial frame are converted to FK5 J2000; coordinates are written with 8 decimals. Files are
 * written atomically.
 */
public final class Ds9Regions {
  private Ds9Regions() {}

  /**
   * A sky polygon and its label.
   *
   * @param vertices at least 3 vertices, in order around the polygon
   * @param text the label shown by DS9, empty for none; must not hold a brace or a line break
   * @param properties DS9 properties of this polygon alone, e.g. {@code color=green}, empty for
   *     none; must not hold a {@code #}, a brace or a line break
   */
  public record Polygon(List<SkyCoord> vertices, String text, String properties) {
    /** A polygon with the file's global properties. */
    public Polygon(List<SkyCoord> vertices, String text) {
      this(vertices, text, "");
    }

    public Polygon {
      vertices = List.copyOf(vertices);
      if (properties.indexOf('#') >= 0
          || properties.indexOf('{') >= 0
          || properties.indexOf('}') >= 0
          || properties.indexOf('\n') >= 0
          || properties.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "DS9 region properties cannot hold '#', braces or line breaks: '" + properties + "'");
      }
      if (vertices.size() < 3) {
        throw new IllegalArgumentException(
            "a DS9 polygon needs at least 3 vertices, got " + vertices.size());
      }
      if (text.indexOf('{') >= 0
          || text.indexOf('}') >= 0
          || text.indexOf('\n') >= 0
          || text.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "a DS9 region text cannot hold braces or line breaks: '" + text + "'");
      }
    }
  }

  /**
   * Writes polygons to {@code target}.
   *
   * @param comment one line written as a {@code #} comment under the format line, empty for none
   * @param global the {@code global} properties, e.g. {@code color=red width=2}, empty for none
   */
  public static void writePolygons(
      Path target, String comment, String global, List<Polygon> polygons) {
    StringBuilder sb = new StringBuilder("# Region file format: DS9 version 4.1\n");
    if (!comment.isEmpty()) {
      sb.append("# ").append(comment).append('\n');
    }
    if (!global.isEmpty()) {
      sb.append("global ").append(global).append('\n');
    }
    sb.append("fk5\n");
    for (Polygon p : polygons) {
      sb.append("polygon(");
      for (int i = 0; i < p.vertices().size(); i++) {
        SkyCoord f = p.vertices().get(i).to(CelestialFrame.FK5);
        sb.append(i > 0 ? "," : "")
            .append(String.format(Locale.ROOT, "%.8f,%.8f", f.lon(), f.lat()));
      }
      sb.append(')');
      if (!p.text().isEmpty() || !p.properties().isEmpty()) {
        sb.append(" #");
      }
      if (!p.properties().isEmpty()) {
        sb.append(' ').append(p.properties());
      }
      if (!p.text().isEmpty()) {
        sb.append(" text={").append(p.text()).append('}');
      }
      sb.append('\n');
    }
    AtomicFiles.writeString(target, sb);
  }
}
