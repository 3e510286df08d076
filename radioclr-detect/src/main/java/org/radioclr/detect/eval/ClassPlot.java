package org.radioclr.detect.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.radioclr.core.report.Charts;
import org.radioclr.formats.labels.DetectionClass;

/**
 * The per-class figures of one or more detectors as bar charts, stacked: completeness, reliability
 * and F1 for SOURCE and each of the five classes, one bar colour per detector. A figure that is not
 * defined (no true object or no detection of the class) draws no bar.
 */
public final class ClassPlot {
  private static final int WIDTH = 900;
  private static final int PANEL = 260;

  private ClassPlot() {}

  /** Writes the chart as PNG, atomically. */
  public static void write(Path png, Map<String, DetectionMetrics> byDetector) {
    List<String> classes = new ArrayList<>();
    classes.add("SOURCE");
    for (DetectionClass c : DetectionClass.values()) {
      classes.add(c.label());
    }
    List<CategoryChart> panels =
        List.of(
            panel(
                "completeness",
                byDetector,
                classes,
                (m, k) -> k < 0 ? m.sourceCompleteness() : m.completeness(cls(k))),
            panel(
                "reliability",
                byDetector,
                classes,
                (m, k) -> k < 0 ? m.sourceReliability() : m.reliability(cls(k))),
            panel("F1", byDetector, classes, (m, k) -> k < 0 ? m.sourceF1() : m.f1(cls(k))));
    Charts.writePng(png, Charts.stack(panels, WIDTH, PANEL * panels.size()));
  }

  private static DetectionClass cls(int k) {
    return DetectionClass.values()[k];
  }

  private static CategoryChart panel(
      String figure,
      Map<String, DetectionMetrics> byDetector,
      List<String> classes,
      ToDoubleBiFunction<DetectionMetrics, Integer> value) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(PANEL)
            .title(figure)
            .yAxisTitle(figure)
            .build();
    Charts.style(chart.getStyler(), PANEL);
    chart.getStyler().setxAxisTickLabelsFormattingFunction(null);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setXAxisLabelRotation(12);
    for (Map.Entry<String, DetectionMetrics> e : byDetector.entrySet()) {
      List<Double> y = new ArrayList<>();
      for (int k = -1; k < DetectionClass.values().length; k++) {
        double v = value.applyAsDouble(e.getValue(), k);
        y.add(Double.isNaN(v) ? 0.0 : v);
      }
      chart.addSeries(e.getKey(), classes, y);
    }
    return chart;
  }
}
