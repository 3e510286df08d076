package org.radioclr.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;

/**
 * A self-contained HTML report: headings, paragraphs, tables and PNG figures embedded as data URIs,
 * so the single file can be mailed or archived with a run. Text is escaped; the report is written
 * atomically.
 */
public final class HtmlReport {
  private final String title;
  private final List<String> body = new ArrayList<>();

  public HtmlReport(String title) {
    this.title = title;
  }

  /** Starts a section. */
  public HtmlReport heading(String text) {
    body.add("<h2>" + escape(text) + "</h2>");
    return this;
  }

  /** A paragraph of plain text. */
  public HtmlReport paragraph(String text) {
    body.add("<p>" + escape(text) + "</p>");
    return this;
  }

  /** A table; the first row is the header. */
  public HtmlReport table(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<table>");
    for (int r = 0; r < rows.size(); r++) {
      String cell = r == 0 ? "th" : "td";
      sb.append("<tr>");
      for (String v : rows.get(r)) {
        sb.append('<')
            .append(cell)
            .append('>')
            .append(escape(v))
            .append("</")
            .append(cell)
            .append('>');
      }
      sb.append("</tr>");
    }
    body.add(sb.append("</table>").toString());
    return this;
  }

  /**
   * Embeds a PNG file as a figure with a caption.
   *
   * @throws BadInputException when the PNG cannot be read
   */
  public HtmlReport figure(Path png, String caption) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(png);
    } catch (IOException e) {
      throw new BadInputException(png, "cannot read figure: " + e.getMessage(), e);
    }
    body.add(
        "<figure><img alt=\""
            + escape(caption)
            + "\" src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(bytes)
            + "\"><figcaption>"
            + escape(caption)
            + "</figcaption></figure>");
    return this;
  }

  /** The whole document. */
  public String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><style>body{font-family:sans-serif;max-width:70em;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .6em;"
        + "text-align:right}th{background:#eee}img{max-width:100%;image-rendering:pixelated}"
        + "figure{margin:1em 0}figcaption{color:#555;font-size:.9em}</style></head><body><h1>"
        + escape(title)
        + "</h1>\n"
        + String.join("\n", body)
        + "\n</body></html>\n";
  }

  /** Writes the report atomically. */
  public void write(Path file) {
    AtomicFiles.writeString(file, render());
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
