package org.radioclr.core.datalist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class DatalistReaderTest {
  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path f = dir.resolve("sub/list.json");
    Files.createDirectories(f.getParent());
    Files.writeString(f, json);
    return f;
  }

  @Test
  void readsTheFormWrittenByPythonJson() throws IOException {
    // as json.dump writes it: one line, bare NaN, scalars and lists, extra fields
    Path f =
        write(
            "{\"data\": [{\"filepaths\": [\"img/a.fits\"], \"sname\": \"src1\", \"id\": 1,"
                + " \"label\": \"FRII\", \"map\": \"field1\", \"x0\": 12, \"rms\": NaN,"
                + " \"ok\": true, \"big\": 12345678901234567890, \"note\": null},"
                + " {\"filepaths\": [\"/abs/b.fits\", \"../c.fits\"], \"sname\": \"src2\","
                + " \"id\": [1, 2], \"label\": [\"COMPACT\", \"EXTENDED\"]},"
                + " {\"filepaths\": [\"d.fits\"]}], \"info\": {\"made\": \"by hand\"}}");
    List<DatalistEntry> all = DatalistReader.readAll(f);
    assertEquals(3, all.size());
    DatalistEntry a = all.get(0);
    assertEquals(List.of(dir.resolve("sub/img/a.fits").toAbsolutePath()), a.files());
    assertEquals("src1", a.sname());
    assertEquals(List.of(1), a.ids());
    assertEquals(List.of("FRII"), a.labels());
    assertEquals(
        List.of("map", "x0", "rms", "ok", "big", "note"), List.copyOf(a.extras().keySet()));
    assertEquals("field1", a.extras().get("map"));
    assertEquals(12, a.extras().get("x0"));
    assertTrue(Double.isNaN((Double) a.extras().get("rms")));
    assertEquals(Boolean.TRUE, a.extras().get("ok"));
    assertEquals(new BigInteger("12345678901234567890"), a.extras().get("big"));
    assertTrue(a.extras().containsKey("note"));
    DatalistEntry b = all.get(1);
    assertEquals(
        List.of(Path.of("/abs/b.fits"), dir.resolve("c.fits").toAbsolutePath()), b.files());
    assertEquals(List.of(1, 2), b.ids());
    assertEquals(List.of("COMPACT", "EXTENDED"), b.labels());
    DatalistEntry d = all.get(2);
    assertEquals("d", d.sname(), "sname defaults to the file stem");
    assertTrue(d.isUnlabelled());
  }

  @Test
  void streamsEntriesInOrderAndCountsThem() throws IOException {
    Path f =
        write(
            "{\"data\":[{\"filepaths\":[\"a.fits\"],\"sname\":\"a\"},"
                + "{\"filepaths\":[\"b.fits\"],\"sname\":\"b\"}]}");
    try (DatalistReader r = DatalistReader.open(f)) {
      assertEquals(0, r.entriesRead());
      assertTrue(r.hasNext());
      assertEquals(0, r.entriesRead(), "hasNext does not consume");
      assertEquals("a", r.next().sname());
      assertEquals("b", r.next().sname());
      assertEquals(2, r.entriesRead());
      assertFalse(r.hasNext());
    }
    try (var s = DatalistReader.open(f).stream()) {
      assertEquals(List.of("a", "b"), s.map(DatalistEntry::sname).toList());
    }
  }

  @Test
  void emptyDataIsFine() throws IOException {
    assertEquals(List.of(), DatalistReader.readAll(write("{\"data\": []}")));
  }

  @Test
  void dataMayComeAfterOtherFields() throws IOException {
    Path f = write("{\"meta\":{\"a\":[1,2,{\"b\":3}]},\"data\":[{\"filepaths\":[\"a.fits\"]}]}");
    assertEquals(1, DatalistReader.readAll(f).size());
  }

  private BadInputException bad(String json) throws IOException {
    Path f = write(json);
    BadInputException e = assertThrows(BadInputException.class, () -> DatalistReader.readAll(f));
    assertEquals(f, e.file());
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  private static void assertProblem(BadInputException e, String... parts) {
    for (String p : parts) {
      assertTrue(e.problem().contains(p), "'" + p + "' in: " + e.problem());
    }
  }

  @Test
  void notJson() throws IOException {
    assertProblem(bad("SIMPLE  =                    T"), "not valid JSON", "line 1");
    assertProblem(bad(""), "empty file");
    assertProblem(bad("[1,2]"), "must be a JSON object");
  }

  @Test
  void truncatedFileIsNoticedEvenAfterAllEntries() throws IOException {
    assertProblem(
        bad("{\"data\":[{\"filepaths\":[\"a.fits\"],\"sname\":\"a\"},{\"filepaths\":[\"b"),
        "data[1]",
        "not valid JSON");
    assertProblem(
        bad("{\"data\":[{\"filepaths\":[\"a.fits\"],\"sname\":\"a\"}]"), "not valid JSON");
    assertProblem(bad("{\"data\":[]} {\"data\":[]}"), "after the end");
  }

  @Test
  void noDataList() throws IOException {
    assertProblem(bad("{\"items\":[]}"), "no \"data\" list");
    assertProblem(bad("{\"data\":{}}"), "\"data\" must be a list");
  }

  @Test
  void badEntriesNameTheirIndexAndSname() throws IOException {
    String ok = "{\"filepaths\":[\"a.fits\"],\"sname\":\"a\"},";
    assertProblem(bad("{\"data\":[" + ok + "3]}"), "data[1]", "must be a JSON object");
    assertProblem(
        bad("{\"data\":[" + ok + "{\"sname\":\"s7\"}]}"), "data[1] (sname s7)", "no \"filepaths\"");
    assertProblem(
        bad("{\"data\":[{\"sname\":\"x\",\"filepaths\":\"a.fits\"}]}"),
        "data[0] (sname x)",
        "filepaths must be a list",
        "string \"a.fits\"");
    assertProblem(bad("{\"data\":[{\"filepaths\":[]}]}"), "data[0]", "empty list");
    assertProblem(bad("{\"data\":[{\"filepaths\":[3]}]}"), "non-blank file names", "number 3");
    assertProblem(
        bad("{\"data\":[{\"filepaths\":[\"a\"],\"sname\":\"x\",\"id\":1.5}]}"),
        "data[0] (sname x)",
        "id must be an integer",
        "1.5");
    assertProblem(bad("{\"data\":[{\"filepaths\":[\"a\"],\"id\":[1,\"2\"]}]}"), "id must be");
    assertProblem(bad("{\"data\":[{\"filepaths\":[\"a\"],\"id\":99999999999}]}"), "id must be");
    assertProblem(bad("{\"data\":[{\"filepaths\":[\"a\"],\"label\":3}]}"), "label must be");
    assertProblem(
        bad("{\"data\":[{\"filepaths\":[\"a\"],\"label\":[\"A\",null]}]}"), "label must be");
    assertProblem(
        bad("{\"data\":[{\"filepaths\":[\"a\"],\"sname\":4}]}"), "sname must be a string");
    assertProblem(
        bad(
            "{\"data\":[{\"filepaths\":[\"a\"],\"sname\":\"q\",\"id\":[1],\"label\":[\"A\",\"B\"]}]}"),
        "data[0] (sname q)",
        "same length");
    assertProblem(
        bad("{\"data\":[{\"filepaths\":[\"a\"],\"sname\":\"q\",\"sname\":\"r\"}]}"), "Duplicate");
  }

  @Test
  void missingFileAndFolder() {
    BadInputException missing =
        assertThrows(BadInputException.class, () -> DatalistReader.open(dir.resolve("nope.json")));
    assertEquals("no such file", missing.problem());
    BadInputException folder =
        assertThrows(BadInputException.class, () -> DatalistReader.open(dir));
    assertTrue(folder.problem().contains("folder"));
  }

  @Test
  void nullLabelAndIdMeanUnlabelled() throws IOException {
    Path f = write("{\"data\":[{\"filepaths\":[\"a.fits\"],\"label\":null,\"id\":null}]}");
    DatalistEntry e = DatalistReader.readAll(f).get(0);
    assertTrue(e.isUnlabelled());
    assertEquals(Map.of(), e.extras());
    assertInstanceOf(List.class, e.labels());
  }
}
