package org.radioclr.sim.products;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.DisplayStretch;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

/**
 * A PNG preview of a map with its catalogue drawn on it, so that a person can judge the simulation
 * at a glance: the map in grey with the zscale stretch ({@link
 * org.radioclr.core.preprocess.ZScaleStage}, contrast 0.25), first FITS row at the bottom (as
 * astronomers display maps), every source with a non-empty mask outlined by its mask's bounding box
 * in the colour of its detection class or family, and a legend (class, colour, count) in the top
 * left corner.
 *
 * <p>Maps larger than {@code maxSide} pixels are shrunk by the smallest integer factor {@code f}
 * that fits: each preview pixel is the mean of the valid pixels of an {@code f x f} block (blank
 * when none is valid); boxes are scaled alike and drawn at least 3 pixels wide. Written atomically.
 * Text is drawn with the JVM's default sans-serif font, so the bytes may differ between machines.
 */
public final class MapPreview {
  /** Largest preview side by default. */
  public static final int MAX_SIDE = 2048;

  /** What the box colours show. */
  public enum ColourBy {
    DETECTION_CLASS,
    FAMILY
  }

  private static final Map<DetectionClass, Color> CLASS_COLOURS =
      new EnumMap<>(DetectionClass.class);
  private static final Map<Family, Color> FAMILY_COLOURS = new EnumMap<>(Family.class);

  static {
    CLASS_COLOURS.put(DetectionClass.SPURIOUS, new Color(235, 60, 60));
    CLASS_COLOURS.put(DetectionClass.COMPACT, new Color(70, 210, 90));
    CLASS_COLOURS.put(DetectionClass.EXTENDED, new Color(255, 165, 0));
    CLASS_COLOURS.put(DetectionClass.EXTENDED_MULTISLAND, new Color(225, 70, 225));
    CLASS_COLOURS.put(DetectionClass.FLAGGED, new Color(245, 235, 50));
    FAMILY_COLOURS.put(Family.COMPACT, new Color(70, 210, 90));
    FAMILY_COLOURS.put(Family.RADIO_GALAXY, new Color(255, 165, 0));
    FAMILY_COLOURS.put(Family.DIFFUSE, new Color(60, 200, 235));
    FAMILY_COLOURS.put(Family.PECULIAR, new Color(225, 70, 225));
    FAMILY_COLOURS.put(Family.ARTEFACT, new Color(235, 60, 60));
  }

  private MapPreview() {}

  /**
   * Reads {@code map} and writes its preview.
   *
   * @return the preview's {width, height}
   * @throws org.radioclr.core.BadInputException naming the file that cannot be read or written
   */
  public static int[] write(
      Path map, List<SourceTruth> truths, Path png, ColourBy colourBy, int maxSide) {
    return write(FitsReader.read(map).plane(), truths, png, colourBy, maxSide);
  }

  /**
   * Writes the preview of {@code map} (Jy/beam) with the sources' boxes.
   *
   * @param maxSide largest preview side, {@code >= 16}
   * @return the preview's {width, height}
   */
  public static int[] write(
      Plane map, List<SourceTruth> truths, Path png, ColourBy colourBy, int maxSide) {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(colourBy, "colourBy");
    if (maxSide < 16) {
      throw new IllegalArgumentException("preview side must be >= 16 pixels, got " + maxSide);
    }
    int f = (int) Math.ceil(Math.max(map.width(), map.height()) / (double) maxSide);
    f = Math.max(1, f);
    Plane small = shrink(map, f);
    int w = small.width();
    int h = small.height();
    double[] lim = DisplayStretch.zscale(small.data());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    float[] d = small.data();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = d[y * w + x];
        int g = Pixels.isValid(v) ? DisplayStretch.grey(v, lim[0], lim[1]) : 0;
        img.setRGB(x, h - 1 - y, (g << 16) | (g << 8) | g);
      }
    }
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setStroke(new BasicStroke(1f));
      Map<String, int[]> counts = new java.util.LinkedHashMap<>();
      Map<String, Color> colours = new java.util.LinkedHashMap<>();
      if (colourBy == ColourBy.DETECTION_CLASS) {
        CLASS_COLOURS.forEach((c, col) -> colours.put(c.label(), col));
      } else {
        FAMILY_COLOURS.forEach((c, col) -> colours.put(CatalogueRow.familyLabel(c), col));
      }
      colours.keySet().forEach(k -> counts.put(k, new int[1]));
      for (SourceTruth t : truths) {
        Optional<PixelBox> box = Masks.bounds(t.mask());
        if (box.isEmpty()) {
          continue;
        }
        String key =
            colourBy == ColourBy.DETECTION_CLASS
                ? t.detectionClass().label()
                : CatalogueRow.familyLabel(t.source().morphology().family());
        counts.get(key)[0]++;
        g.setColor(colours.get(key));
        PixelBox b = box.get();
        // one preview pixel of margin around the mask, so boxes are at least 3 pixels wide
        int x0 = Math.floorDiv(b.x0(), f) - 1;
        int x1 = Math.floorDiv(b.x1(), f) + 1;
        int y0 = Math.floorDiv(b.y0(), f) - 1;
        int y1 = Math.floorDiv(b.y1(), f) + 1;
        g.drawRect(x0, h - 1 - y1, x1 - x0, y1 - y0);
      }
      legend(g, colours, counts, colourBy, f);
    } finally {
      g.dispose();
    }
    writePng(png, img);
    return new int[] {w, h};
  }

  private static void legend(
      Graphics2D g, Map<String, Color> colours, Map<String, int[]> counts, ColourBy by, int f) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    String title =
        (by == ColourBy.DETECTION_CLASS ? "detection class" : "family")
            + (f > 1 ? String.format(Locale.ROOT, " (1:%d)", f) : "");
    int lineH = fm.getHeight();
    int width = fm.stringWidth(title);
    for (String k : colours.keySet()) {
      width = Math.max(width, 16 + fm.stringWidth(k + "  " + counts.get(k)[0]));
    }
    int boxW = width + 12;
    int boxH = lineH * (colours.size() + 1) + 8;
    g.setColor(new Color(0, 0, 0, 170));
    g.fillRect(4, 4, boxW, boxH);
    g.setColor(Color.WHITE);
    int y = 8 + fm.getAscent();
    g.drawString(title, 10, y);
    for (Map.Entry<String, Color> e : colours.entrySet()) {
      y += lineH;
      g.setColor(e.getValue());
      g.drawRect(10, y - fm.getAscent() + 2, 9, 9);
      g.setColor(Color.WHITE);
      g.drawString(e.getKey() + "  " + counts.get(e.getKey())[0], 26, y);
    }
  }

  /** The mean of the valid pixels of each {@code f x f} block (NaN when none is valid). */
  static Plane shrink(Plane map, int f) {
    if (f == 1) {
      return map;
    }
    int w = (map.width() + f - 1) / f;
    int h = (map.height() + f - 1) / f;
    double[] sum = new double[w * h];
    int[] n = new int[w * h];
    float[] d = map.data();
    for (int y = 0; y < map.height(); y++) {
      int row = (y / f) * w;
      for (int x = 0; x < map.width(); x++) {
        float v = d[y * map.width() + x];
        if (Pixels.isValid(v)) {
          sum[row + x / f] += v;
          n[row + x / f]++;
        }
      }
    }
    float[] out = new float[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = n[i] > 0 ? (float) (sum[i] / n[i]) : Float.NaN;
    }
    return new Plane(w, h, out);
  }

  /** Writes an image as PNG atomically. */
  static void writePng(Path png, BufferedImage img) {
    AtomicFiles.write(
        png,
        tmp -> {
          if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available in javax.imageio");
          }
        });
  }
}
