package org.radioclr.app;

import java.util.List;

/** Plain-text tables for the console: the first column left-aligned, the others right-aligned. */
final class TextTables {
  private TextTables() {}

  /** The rows (header first) as aligned lines, each ending in a newline. */
  static String format(List<List<String>> rows) {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int c = 0; c < r.size(); c++) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < r.size(); c++) {
        String v = r.get(c);
        String pad = " ".repeat(width[c] - v.length());
        line.append(c == 0 ? v + pad : "  " + pad + v);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
