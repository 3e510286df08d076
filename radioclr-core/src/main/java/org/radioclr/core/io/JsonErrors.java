package org.radioclr.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.BadInputException;

/** One-line messages for JSON files that do not parse or do not fit the expected structure. */
public final class JsonErrors {
  private JsonErrors() {}

  /**
   * The mapper of radioclr's JSON configuration files: unknown keys, nulls for numbers and trailing
   * tokens are errors; output is indented.
   */
  public static ObjectMapper strictMapper() {
    return new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * The text of a configuration file.
   *
   * @param what what the file holds, e.g. {@code "training configuration"}, for the messages
   * @throws BadInputException naming the file when it is missing or unreadable
   */
  public static String readText(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, what + " file not found", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read " + what + ": " + e, e);
    }
  }

  /**
   * {@code FILE: not valid JSON at line L column C: what Jackson says}, without Jackson's source
   * and start-marker details.
   */
  public static BadInputException notJson(Path source, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" (start marker at");
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    return new BadInputException(
        source,
        "not valid JSON"
            + (loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr())
            + ": "
            + message,
        e);
  }

  /**
   * Where in the document a mapping problem lies, as {@code " in channels[0].stages[1]"}, or the
   * empty string at the top level; for an unknown key, the path of the object holding it.
   */
  public static String where(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    List<JsonMappingException.Reference> path = e.getPath();
    int last = path.size();
    if (e instanceof UnrecognizedPropertyException && last > 0) {
      last--; // the unknown key itself
    }
    for (int i = 0; i < last; i++) {
      JsonMappingException.Reference r = path.get(i);
      if (r.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "" : " in " + sb;
  }

  /** The keys the object with the unknown key accepts, sorted. */
  public static List<String> knownKeys(UnrecognizedPropertyException e) {
    List<String> names = new ArrayList<>();
    if (e.getKnownPropertyIds() != null) {
      for (Object o : e.getKnownPropertyIds()) {
        names.add(String.valueOf(o));
      }
    }
    names.sort(null);
    return names;
  }
}
