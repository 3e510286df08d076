package org.radioclr.core.datalist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON dialect of datalists, shared by reader and writer: Python's {@code json} module writes
 * {@code NaN} and {@code Infinity} as bare tokens, so they are read and written that way; duplicate
 * keys inside an object are an error.
 */
final class DatalistJson {
  static final String DATA = "data";
  static final String FILEPATHS = "filepaths";
  static final String SNAME = "sname";
  static final String ID = "id";
  static final String LABEL = "label";

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

  /** Reads one entry object at a time as a tree (the codec of the streaming parser). */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private DatalistJson() {}
}
