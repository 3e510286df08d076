package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  @TempDir Path tmp;

  @Test
  void plainFieldsStandAsTheyAreAndNullIsEmpty() {
    String text =
        new Csv("sname", "x", "label").row("src1", 1.5, null).row("src2", -2, "FRII").text();
    assertEquals("sname,x,label\nsrc1,1.5,\nsrc2,-2,FRII\n", text);
  }

  @Test
  void fieldsWithCommaQuoteOrLineBreakAreQuotedAsRfc4180Says() {
    String text = new Csv("a", "b").row("x,y", "say \"hi\"").row("two\nlines", "cr\rhere").text();
    assertEquals("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"cr\rhere\"\n", text);
    assertEquals("\"a,b\"", Csv.field("a,b"));
    assertEquals("plain", Csv.field("plain"));
  }

  @Test
  void awkwardFieldsRoundTripThroughAFile() throws Exception {
    List<List<String>> rows =
        List.of(
            List.of("comma, inside", "quote \" inside", "new\nline"),
            List.of("\"", ",", "\r\n"),
            List.of(" leading space", "trailing space ", "#hash"),
            List.of("", "ünïcödé", "last"));
    Csv csv = new Csv("c1", "c2", "c3");
    rows.forEach(csv::row);
    Path file = tmp.resolve("awkward.csv");
    csv.write(file);
    List<List<String>> back = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
        back.add(rec.toList());
      }
    }
    assertEquals(rows, back);
  }
}
