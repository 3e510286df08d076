package org.radioclr.core.image;

import java.nio.file.Path;
import java.util.List;

/**
 * A grid of equal-size 3-channel images ({@code [3][h][w]} floats in [0, 1]) written as one RGB
 * PNG, first image at the top left, read left to right and top to bottom, with white gaps. Each
 * tile keeps the astronomical orientation of {@link PngWriter} (first FITS row at the bottom).
 */
public final class ContactSheet {
  private static final int GAP = 4;

  private ContactSheet() {}

  /**
   * Writes the sheet.
   *
   * @param tiles CHW arrays of {@code 3 * height * width} floats each, at least one
   * @param columns tiles per row, at least 1
   */
  public static void write(Path target, List<float[]> tiles, int width, int height, int columns) {
    if (tiles.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one tile");
    }
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be >= 1, got " + columns);
    }
    int cols = Math.min(columns, tiles.size());
    int rows = (tiles.size() + cols - 1) / cols;
    int sw = cols * width + (cols + 1) * GAP;
    int sh = rows * height + (rows + 1) * GAP;
    int plane = sw * sh;
    float[] sheet = new float[3 * plane];
    java.util.Arrays.fill(sheet, 1f);
    int tilePlane = width * height;
    for (int k = 0; k < tiles.size(); k++) {
      float[] t = tiles.get(k);
      if (t.length != 3 * tilePlane) {
        throw new IllegalArgumentException(
            "tile " + k + " has " + t.length + " values, expected 3x" + height + "x" + width);
      }
      int x0 = GAP + (k % cols) * (width + GAP);
      // Row 0 of the sheet array is the bottom of the PNG: the first grid row goes on top.
      int y0 = GAP + (rows - 1 - k / cols) * (height + GAP);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < height; y++) {
          System.arraycopy(
              t, c * tilePlane + y * width, sheet, c * plane + (y0 + y) * sw + x0, width);
        }
      }
    }
    PngWriter.writeRgb(target, sheet, sw, sh);
  }
}
