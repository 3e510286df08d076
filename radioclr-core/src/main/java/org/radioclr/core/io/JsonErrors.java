package org.radioclr.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import org.radioclr.core.BadInputException;

/** One-line messages for JSON files that do not parse. */
public final class JsonErrors {
  private JsonErrors() {}

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
}
