package org.radioclr.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void escapesTextAndEmbedsFigures() throws IOException {
    Path png = dir.resolve("a.png");
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    Files.write(png, bytes);
    Path out = dir.resolve("r.html");
    new HtmlReport("Run <1>")
        .heading("Frames & cuts")
        .table(List.of(List.of("a", "b"), List.of("1", "<2>")))
        .figure(png, "map")
        .write(out);
    String html = Files.readString(out);
    assertTrue(html.contains("<title>Run &lt;1&gt;</title>"));
    assertTrue(html.contains("<h2>Frames &amp; cuts</h2>"));
    assertTrue(html.contains("<th>a</th>"));
    assertTrue(html.contains("<td>&lt;2&gt;</td>"));
    int from = html.indexOf("base64,") + "base64,".length();
    String b64 = html.substring(from, html.indexOf('"', from));
    assertArrayEquals(bytes, Base64.getDecoder().decode(b64));
  }

  @Test
  void missingFigureNamesTheFile() {
    Path missing = dir.resolve("nope.png");
    BadInputException e =
        assertThrows(BadInputException.class, () -> new HtmlReport("x").figure(missing, "c"));
    assertEquals(missing, e.file());
  }
}
