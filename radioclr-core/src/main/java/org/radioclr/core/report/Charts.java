package org.radioclr.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.radioclr.core.io.AtomicFiles;

/**
 * What the report charts share: XChart charts in one house style (white, light grid, the {@link
 * #PALETTE} colours, fonts scaled to the chart's height, tick labels by {@link #tickLabel}),
 * rendered headless onto RGB images and written as PNG through {@link AtomicFiles}. Nothing in the
 * output depends on the time or the platform's locale, so the same data gives the same bytes.
 */
public final class Charts {
  static {
    // charts are drawn off screen: never look for a display
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Series colours, in order (matplotlib's first six, reordered blue, red, green first). */
  public static final List<Color> PALETTE =
      List.of(
          new Color(0x1f77b4),
          new Color(0xd62728),
          new Color(0x2ca02c),
          new Color(0xff7f0e),
          new Color(0x9467bd),
          new Color(0x8c564b));

  /** The colour of grid lines. */
  public static final Color GRID = new Color(0xe6e6e6);

  private Charts() {}

  /** An XY chart in the house style, fonts sized for {@code height}. */
  public static XYChart xy(int width, int height, String title, String xLabel, String yLabel) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    style(chart.getStyler(), height);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    return chart;
  }

  /**
   * Adds a series to an XY chart: a repeated name gets invisible trailing spaces (XChart needs
   * distinct names), and one more point, NaN, goes at the end. XChart puts the ticks of an axis
   * whose data are equally spaced (epochs, bin edges) at data values, which crowds them; the NaN
   * point, which draws nothing and stays out of the axis range, keeps ticks at round numbers.
   *
   * @param errors half-lengths of error bars, {@code [x.length]}, or null for none
   */
  public static XYSeries addSeries(
      XYChart chart, String name, double[] x, double[] y, double[] errors) {
    String n = name;
    while (chart.getSeriesMap().containsKey(n)) {
      n += " ";
    }
    double[] xs = Arrays.copyOf(x, x.length + 1);
    double[] ys = Arrays.copyOf(y, y.length + 1);
    xs[x.length] = Double.NaN;
    ys[y.length] = Double.NaN;
    if (errors == null) {
      return chart.addSeries(n, xs, ys);
    }
    return chart.addSeries(n, xs, ys, Arrays.copyOf(errors, errors.length + 1));
  }

  /**
   * Puts the legend in the inside corner (upper right, upper left, lower right, lower left, in this
   * order of preference) over which the fewest data points lie, for a legend box about 40 % of the
   * plot wide and 8 % high per entry. Call it once the series are added.
   */
  public static void placeLegend(XYChart chart) {
    AxesChartStyler s = chart.getStyler();
    List<double[]> points = new ArrayList<>();
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    int entries = 0;
    for (XYSeries series : chart.getSeriesMap().values()) {
      entries += series.isShowInLegend() ? 1 : 0;
      double[] x = series.getXData();
      double[] y = series.getYData();
      for (int i = 0; i < x.length; i++) {
        double[] p = {
          s.isXAxisLogarithmic() ? Math.log10(x[i]) : x[i],
          s.isYAxisLogarithmic() ? Math.log10(y[i]) : y[i]
        };
        if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
          points.add(p);
          for (int d = 0; d < 2; d++) {
            lo[d] = Math.min(lo[d], p[d]);
            hi[d] = Math.max(hi[d], p[d]);
          }
        }
      }
    }
    double w = 0.4;
    double h = Math.min(0.6, 0.06 + 0.08 * entries);
    Styler.LegendPosition[] corners = {
      Styler.LegendPosition.InsideNE,
      Styler.LegendPosition.InsideNW,
      Styler.LegendPosition.InsideSE,
      Styler.LegendPosition.InsideSW
    };
    int best = 0;
    int fewest = Integer.MAX_VALUE;
    for (int c = 0; c < corners.length; c++) {
      boolean right = c % 2 == 0;
      boolean upper = c < 2;
      int n = 0;
      for (double[] p : points) {
        double fx = hi[0] > lo[0] ? (p[0] - lo[0]) / (hi[0] - lo[0]) : 0.5;
        double fy = hi[1] > lo[1] ? (p[1] - lo[1]) / (hi[1] - lo[1]) : 0.5;
        if ((right ? fx >= 1 - w : fx <= w) && (upper ? fy >= 1 - h : fy <= h)) {
          n++;
        }
      }
      if (n < fewest) {
        fewest = n;
        best = c;
      }
    }
    s.setLegendPosition(corners[best]);
  }

  /**
   * Makes axes logarithmic (base 10). XChart then labels powers of ten itself, in place of {@link
   * #tickLabel}.
   */
  public static void logarithmic(AxesChartStyler s, boolean x, boolean y) {
    s.setXAxisLogarithmic(x);
    s.setYAxisLogarithmic(y);
    if (x) {
      s.setxAxisTickLabelsFormattingFunction(null);
    }
    if (y) {
      s.setyAxisTickLabelsFormattingFunction(null);
    }
  }

  /**
   * A tick label: {@code "0"}; from 1e-3 to 1e5 in magnitude the number in plain form, otherwise in
   * exponent form ({@code "1.5e-4"}); six significant digits at most, without trailing zeros.
   */
  public static String tickLabel(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e5) {
      return d.toPlainString();
    }
    int exponent = d.precision() - d.scale() - 1;
    return d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
  }

  /**
   * Applies the house style to an axes chart: white background, black plot border, light grid,
   * {@link #PALETTE} series colours, {@link #tickLabel} tick labels, and fonts from 9 to 13 points
   * following {@code height} (a title one point larger, bold).
   */
  public static <S extends AxesChartStyler> S style(S s, int height) {
    int size = Math.max(9, Math.min(13, height / 20));
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, size);
    s.setBaseFont(plain);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, size + 1));
    s.setAxisTitleFont(plain);
    s.setAxisTickLabelsFont(plain);
    s.setLegendFont(plain);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.BLACK);
    s.setChartTitleBoxVisible(false);
    s.setPlotGridLinesColor(GRID);
    s.setLegendBorderColor(Color.GRAY);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setChartFontColor(Color.BLACK);
    s.setAxisTickLabelsColor(Color.BLACK);
    s.setAxisTickMarksColor(Color.BLACK);
    s.setSeriesColors(PALETTE.toArray(new Color[0]));
    s.setLocale(Locale.ROOT);
    s.setxAxisTickLabelsFormattingFunction(Charts::tickLabel);
    s.setyAxisTickLabelsFormattingFunction(Charts::tickLabel);
    s.setXAxisTickMarkSpacingHint(90);
    s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
    return s;
  }

  /** Renders a chart at its own size onto a white RGB image. */
  public static BufferedImage render(Chart<?, ?> chart) {
    int w = chart.getWidth();
    int h = chart.getHeight();
    return canvas(w, h, g -> chart.paint(g, w, h));
  }

  /**
   * Renders charts stacked top to bottom, each at its own size, onto one {@code width x height}
   * white RGB image (rows below the last chart stay white).
   */
  public static BufferedImage stack(List<? extends Chart<?, ?>> charts, int width, int height) {
    return canvas(
        width,
        height,
        g -> {
          int y = 0;
          for (Chart<?, ?> c : charts) {
            Graphics2D panel = (Graphics2D) g.create(0, y, c.getWidth(), c.getHeight());
            try {
              c.paint(panel, c.getWidth(), c.getHeight());
            } finally {
              panel.dispose();
            }
            y += c.getHeight();
          }
        });
  }

  /**
   * A {@code width x height} white RGB image, painted by {@code painter} (the graphics are disposed
   * afterwards).
   */
  public static BufferedImage canvas(int width, int height, Consumer<Graphics2D> painter) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes a chart at its own size as PNG, atomically. */
  public static void writePng(Path target, Chart<?, ?> chart) {
    writePng(target, render(chart));
  }

  /** Writes an image as PNG, atomically. */
  public static void writePng(Path target, BufferedImage image) {
    AtomicFiles.write(
        target,
        tmp -> {
          if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
          }
        });
  }
}
