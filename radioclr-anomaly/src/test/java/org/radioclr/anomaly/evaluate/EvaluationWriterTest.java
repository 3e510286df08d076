package org.radioclr.anomaly.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.formats.table.ScoreTable;

class EvaluationWriterTest {
  @TempDir Path tmp;

  @Test
  void writesCurvesSummaryPlotsAndReport() throws Exception {
    ScoreTable t = AnomalyEvaluationTest.tenFrames();
    GroupedScores g = GroupedScores.of(t, GroupedScores.labelsOf(t));
    EvaluationResult r = AnomalyEvaluation.evaluate(g);
    EvaluationWriter.write(tmp, g, r, "scores.csv");
    List<String> csv = Files.readAllLines(tmp.resolve("curves.csv"));
    assertEquals(11, csv.size());
    assertEquals(String.join(",", EvaluationWriter.CURVE_COLUMNS), csv.get(0));
    // recall, precision 3/5, P+C 4/5, complex, ordinary and compact-only 1/5 each of the five
    // selected labelled frames, unlabelled 1/6 of all six selected
    assertEquals("0.6,6,3,1,1,1,1,1.0,0.6,0.8,0.2,0.2,0.2," + 1.0 / 6, csv.get(5));
    JsonNode s = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
    assertEquals(0.85, s.get("crossing_threshold").asDouble(), 1e-12);
    assertEquals(3, s.get("frames").get("peculiar").asInt());
    assertEquals(2, s.get("frames").get("compact-only").asInt());
    assertEquals(
        1.0 / 3, s.get("at_crossing").get("contamination").get("complex").asDouble(), 1e-12);
    assertEquals(0.0, s.get("at_crossing").get("unlabelled_share").asDouble());
    assertEquals(3, s.get("at_crossing").get("selected").get("labelled").asInt());
    assertEquals(3, s.get("at_crossing").get("selected").get("all").asInt());
    assertTrue(Files.size(tmp.resolve("histograms.png")) > 1000);
    assertTrue(Files.size(tmp.resolve("curves.png")) > 1000);
    BufferedImage hist = ImageIO.read(tmp.resolve("histograms.png").toFile());
    assertEquals(900, hist.getWidth());
    assertEquals(560, hist.getHeight());
    BufferedImage curves = ImageIO.read(tmp.resolve("curves.png").toFile());
    assertEquals(900, curves.getWidth());
    assertEquals(900, curves.getHeight());
    String html = Files.readString(tmp.resolve("report.html"));
    assertTrue(html.contains("<td>66.7</td>"), html.substring(0, 500));
    String table = EvaluationWriter.table(r);
    assertTrue(table.contains("0.850"), table);
    assertTrue(table.contains("recall and precision cross at 0.8500"), table);
  }
}
