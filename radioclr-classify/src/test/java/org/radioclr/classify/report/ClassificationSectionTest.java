package org.radioclr.classify.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.ConfusionMatrixPlot;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.core.report.HtmlReport;

class ClassificationSectionTest {
  @TempDir Path tmp;

  @Test
  void addsSummaryTableAndFigure() {
    ClassificationMetrics m =
        ClassificationMetrics.ofLabels(
            List.of("FRI", "FRII"), new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
    Path png = tmp.resolve("c.png");
    ConfusionMatrixPlot.of("probe", m).write(png);
    HtmlReport r = new HtmlReport("run");
    ClassificationSection.add(r, "Linear probe", m, png);
    ClassificationSection.add(r, "Over splits", MeanAndError.of(List.of(m, m)), null);
    String html = r.render();
    assertTrue(html.contains("<h2>Linear probe</h2>"), html);
    assertTrue(html.contains("accuracy 0.7500, macro F1 0.7333"), html);
    assertTrue(html.contains("<td>FRII</td><td>0.6667</td><td>1.0000</td><td>0.8000</td>"), html);
    assertTrue(html.contains("data:image/png;base64,"), html);
    assertTrue(html.contains("over 2 splits: accuracy 0.7500 ± 0.0000"), html);
  }
}
