package org.radioclr.core.io;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.Version;

/**
 * A {@code provenance.json} beside a run's outputs: what made them (command, settings, seed) and
 * with which code (radioclr version, JVM). Values are JSON-friendly (strings, numbers, booleans,
 * lists, maps, records, written as {@link Json} writes them). No clock time unless the caller adds
 * one, so that runs meant to be reproducible write identical files.
 */
public final class Provenance {
  private static final ObjectWriter JSON =
      Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Map<String, Object> fields = new LinkedHashMap<>();

  /**
   * @param tool what wrote the outputs, e.g. {@code "radioclr simulate"}
   */
  public Provenance(String tool) {
    fields.put("tool", tool);
    fields.put("radioclr_version", Version.get());
    fields.put("java", Runtime.version().toString());
  }

  /** Adds (or replaces) a field. */
  public Provenance put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /** The JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(fields) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RadioclrException("cannot write provenance: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code dir/provenance.json} atomically. */
  public void writeTo(Path dir) {
    AtomicFiles.writeString(dir.resolve("provenance.json"), toJson());
  }
}
