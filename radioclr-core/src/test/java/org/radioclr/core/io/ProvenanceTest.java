package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.Version;

class ProvenanceTest {
  @TempDir Path dir;

  record Settings(String preset, int size) {}

  @Test
  void writesFieldsAndIsReproducible() throws IOException {
    Provenance p =
        new Provenance("radioclr test")
            .put("seed", 42L)
            .put("settings", new Settings("tiny", 384))
            .put("inputs", List.of("a.fits"))
            .put("extra", Map.of("b", 2, "a", 1));
    p.writeTo(dir);
    JsonNode n = new ObjectMapper().readTree(Files.readString(dir.resolve("provenance.json")));
    assertEquals("radioclr test", n.get("tool").asText());
    assertEquals(Version.get(), n.get("radioclr_version").asText());
    assertEquals(42, n.get("seed").asLong());
    assertEquals("tiny", n.get("settings").get("preset").asText());
    assertEquals(384, n.get("settings").get("size").asInt());
    assertEquals("a", n.get("extra").fieldNames().next(), "map keys sorted");
    assertEquals(p.toJson(), Files.readString(dir.resolve("provenance.json")));
  }
}
