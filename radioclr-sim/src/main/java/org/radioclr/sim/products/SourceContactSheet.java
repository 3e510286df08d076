package org.radioclr.sim.products;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.DisplayStretch;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.SourceTruth;

/**
 * A contact sheet of sample sources per morphology, to judge the realism of the simulation: one row
 * per morphology present on the map (in {@link Morphology} order), captioned with its name and the
 * number of its sources, holding up to {@code perClass} cutouts of {@code tile x tile} pixels.
 *
 * <p>Samples are drawn without replacement with a {@link SplittableRandom} of the seed (split per
 * morphology) from the sources of the morphology with peak SNR at least {@code minSnr} and a
 * non-empty mask; when there are none, the brightest of the morphology are shown instead. Each
 * cutout is centred on the source with side {@code max(32, 1.5 × the larger side of its mask box)}
 * map pixels, resampled to the tile by nearest neighbour, zscale-stretched on its own pixels
 * (contrast 0.25), first FITS row at the bottom, with its SNR written in a corner. Written
 * atomically.
 */
public final class SourceContactSheet {
  private static final int GAP = 4;
  private static final int LABEL_WIDTH = 150;

  private SourceContactSheet() {}

  /**
   * Reads {@code map} and writes the sheet.
   *
   * @return the sheet's {width, height}
   */
  public static int[] write(
      Path map,
      List<SourceTruth> truths,
      Path png,
      int perClass,
      int tile,
      double minSnr,
      long seed) {
    return write(FitsReader.read(map).plane(), truths, png, perClass, tile, minSnr, seed);
  }

  /**
   * Writes the sheet of the sources of {@code map}.
   *
   * @param perClass most cutouts per morphology, {@code >= 1}
   * @param tile cutout side in the sheet, pixels, {@code >= 16}
   * @return the sheet's {width, height}
   * @throws IllegalArgumentException when no source has a non-empty mask
   */
  public static int[] write(
      Plane map,
      List<SourceTruth> truths,
      Path png,
      int perClass,
      int tile,
      double minSnr,
      long seed) {
    Objects.requireNonNull(map, "map");
    if (perClass < 1) {
      throw new IllegalArgumentException("need at least 1 cutout per class, got " + perClass);
    }
    if (tile < 16) {
      throw new IllegalArgumentException("tile side must be >= 16 pixels, got " + tile);
    }
    Map<Morphology, List<MaskIndex.Placed>> byMorph = new EnumMap<>(Morphology.class);
    for (MaskIndex.Placed p : MaskIndex.of(truths).all()) {
      byMorph.computeIfAbsent(p.truth().source().morphology(), k -> new ArrayList<>()).add(p);
    }
    if (byMorph.isEmpty()) {
      throw new IllegalArgumentException("no source with a non-empty mask to show");
    }
    SplittableRandom root = new SplittableRandom(seed);
    Map<Morphology, List<MaskIndex.Placed>> samples = new EnumMap<>(Morphology.class);
    for (Morphology m : Morphology.values()) {
      SplittableRandom rng = root.split();
      List<MaskIndex.Placed> all = byMorph.get(m);
      if (all == null) {
        continue;
      }
      List<MaskIndex.Placed> pool = new ArrayList<>();
      for (MaskIndex.Placed p : all) {
        if (p.truth().snr() >= minSnr) {
          pool.add(p);
        }
      }
      if (pool.isEmpty()) {
        pool.addAll(all);
        pool.sort(Comparator.comparingDouble((MaskIndex.Placed p) -> -p.truth().snr()));
      } else {
        for (int i = pool.size() - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          MaskIndex.Placed t = pool.get(i);
          pool.set(i, pool.get(j));
          pool.set(j, t);
        }
      }
      samples.put(m, pool.subList(0, Math.min(perClass, pool.size())));
    }
    int rows = samples.size();
    int width = LABEL_WIDTH + perClass * (tile + GAP) + GAP;
    int height = rows * (tile + GAP) + GAP;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Font big = new Font(Font.SANS_SERIF, Font.BOLD, 13);
      Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
      int row = 0;
      for (Map.Entry<Morphology, List<MaskIndex.Placed>> e : samples.entrySet()) {
        int top = GAP + row * (tile + GAP);
        g.setColor(Color.BLACK);
        g.setFont(big);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(e.getKey().label(), 8, top + tile / 2);
        g.setFont(small);
        g.drawString(
            byMorph.get(e.getKey()).size() + " sources", 8, top + tile / 2 + fm.getHeight());
        int col = 0;
        for (MaskIndex.Placed p : e.getValue()) {
          int left = LABEL_WIDTH + col * (tile + GAP);
          drawTile(img, map, p, left, top, tile);
          g.setColor(Color.YELLOW);
          g.drawString(
              String.format(java.util.Locale.ROOT, "snr %.0f", p.truth().snr()),
              left + 3,
              top + tile - 4);
          col++;
        }
        row++;
      }
    } finally {
      g.dispose();
    }
    MapPreview.writePng(png, img);
    return new int[] {width, height};
  }

  private static void drawTile(
      BufferedImage img, Plane map, MaskIndex.Placed p, int left, int top, int tile) {
    PixelBox b = p.bounds();
    int side = (int) Math.max(32, Math.ceil(1.5 * Math.max(b.width(), b.height())));
    double cx = p.truth().x();
    double cy = p.truth().y();
    double x0 = cx - side / 2.0;
    double y0 = cy - side / 2.0;
    float[] cut = new float[tile * tile];
    for (int v = 0; v < tile; v++) {
      int my = (int) Math.floor(y0 + (v + 0.5) * side / tile);
      for (int u = 0; u < tile; u++) {
        int mx = (int) Math.floor(x0 + (u + 0.5) * side / tile);
        cut[v * tile + u] =
            mx >= 0 && my >= 0 && mx < map.width() && my < map.height()
                ? map.get(mx, my)
                : Float.NaN;
      }
    }
    double[] lim = DisplayStretch.zscale(cut);
    for (int v = 0; v < tile; v++) {
      for (int u = 0; u < tile; u++) {
        float val = cut[v * tile + u];
        int grey = Pixels.isValid(val) ? DisplayStretch.grey(val, lim[0], lim[1]) : 0;
        img.setRGB(left + u, top + tile - 1 - v, (grey << 16) | (grey << 8) | grey);
      }
    }
  }
}
