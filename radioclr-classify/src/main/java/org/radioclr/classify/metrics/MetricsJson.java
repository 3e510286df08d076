package org.radioclr.classify.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;

/**
 * The {@code metrics.json} files of classification runs, written atomically and read back exactly
 * (doubles keep all their digits).
 *
 * <p>One result ({@code "kind": "classification_metrics"}): {@code classes}, {@code multi_label},
 * {@code rows}, {@code accuracy}, {@code macro}/{@code weighted}/{@code micro} ({@code {precision,
 * recall, f1}}), {@code per_class} (list of {@code {class, precision, recall, f1, support, tp, fp,
 * fn}}), {@code confusion} ({@code [true][predicted]} counts, empty when multi-label) and, for
 * reading by eye, {@code confusion_normalized} (rows divided by their sums; ignored when read).
 *
 * <p>A summary over splits ({@code "kind": "mean_and_error"}): {@code classes}, {@code splits},
 * {@code overall} (figure → {@code {mean, se}}) and {@code per_class} (class → figure → {@code
 * {mean, se}}), see {@link MeanAndError}.
 */
public final class MetricsJson {
  /** The {@code kind} of a single result. */
  public static final String METRICS_KIND = "classification_metrics";

  /** The {@code kind} of a summary over splits. */
  public static final String SUMMARY_KIND = "mean_and_error";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  /** The JSON tree of one result. */
  public static ObjectNode toJson(ClassificationMetrics m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", METRICS_KIND);
    ArrayNode classes = root.putArray("classes");
    m.classes().forEach(classes::add);
    root.put("multi_label", m.multiLabel());
    root.put("rows", m.rows());
    root.put("accuracy", m.accuracy());
    averages(root.putObject("macro"), m.macro());
    averages(root.putObject("weighted"), m.weighted());
    averages(root.putObject("micro"), m.micro());
    ArrayNode per = root.putArray("per_class");
    for (ClassScores s : m.perClass()) {
      ObjectNode o = per.addObject();
      o.put("class", s.name());
      o.put("precision", s.precision());
      o.put("recall", s.recall());
      o.put("f1", s.f1());
      o.put("support", s.support());
      o.put("tp", s.truePositives());
      o.put("fp", s.falsePositives());
      o.put("fn", s.falseNegatives());
    }
    ArrayNode conf = root.putArray("confusion");
    for (long[] row : m.confusion()) {
      ArrayNode r = conf.addArray();
      for (long v : row) {
        r.add(v);
      }
    }
    ArrayNode norm = root.putArray("confusion_normalized");
    for (double[] row : m.normalizedConfusion()) {
      ArrayNode r = norm.addArray();
      for (double v : row) {
        r.add(v);
      }
    }
    return root;
  }

  /** Writes one result, atomically. */
  public static void write(Path file, ClassificationMetrics m) {
    AtomicFiles.writeString(file, text(toJson(m)));
  }

  /**
   * Reads one result written by {@link #write}.
   *
   * @throws BadInputException naming the file when it is missing, not JSON, of another kind or
   *     inconsistent
   */
  public static ClassificationMetrics read(Path file) {
    JsonNode root = parse(file, METRICS_KIND);
    try {
      List<String> classes = strings(file, root, "classes");
      List<ClassScores> per = new ArrayList<>();
      for (JsonNode o : array(file, root, "per_class")) {
        per.add(
            new ClassScores(
                text(file, o, "class"),
                number(file, o, "precision"),
                number(file, o, "recall"),
                number(file, o, "f1"),
                integer(file, o, "support"),
                integer(file, o, "tp"),
                integer(file, o, "fp"),
                integer(file, o, "fn")));
      }
      JsonNode confNode = array(file, root, "confusion");
      long[][] confusion = new long[confNode.size()][];
      for (int t = 0; t < confNode.size(); t++) {
        JsonNode row = confNode.get(t);
        if (!row.isArray()) {
          throw new BadInputException(file, "confusion row " + t + " is not a list");
        }
        confusion[t] = new long[row.size()];
        for (int y = 0; y < row.size(); y++) {
          if (!row.get(y).canConvertToLong() || !row.get(y).isIntegralNumber()) {
            throw new BadInputException(
                file, "confusion[" + t + "][" + y + "] is not a count: " + row.get(y));
          }
          confusion[t][y] = row.get(y).asLong();
        }
      }
      JsonNode ml = root.get("multi_label");
      if (ml == null || !ml.isBoolean()) {
        throw new BadInputException(file, "'multi_label' must be true or false");
      }
      return new ClassificationMetrics(
          classes,
          ml.asBoolean(),
          integer(file, root, "rows"),
          number(file, root, "accuracy"),
          per,
          readAverages(file, root, "macro"),
          readAverages(file, root, "weighted"),
          readAverages(file, root, "micro"),
          confusion);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, "inconsistent metrics: " + e.getMessage(), e);
    }
  }

  /** The JSON tree of a summary over splits. */
  public static ObjectNode toJson(MeanAndError s) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", SUMMARY_KIND);
    ArrayNode classes = root.putArray("classes");
    s.classes().forEach(classes::add);
    root.put("splits", s.splits());
    estimates(root.putObject("overall"), s.overall());
    ObjectNode per = root.putObject("per_class");
    s.perClass().forEach((c, m) -> estimates(per.putObject(c), m));
    return root;
  }

  /** Writes a summary over splits, atomically. */
  public static void write(Path file, MeanAndError s) {
    AtomicFiles.writeString(file, text(toJson(s)));
  }

  /**
   * Reads a summary written by {@link #write(Path, MeanAndError)}.
   *
   * @throws BadInputException naming the file when it is missing, not JSON, of another kind or
   *     inconsistent
   */
  public static MeanAndError readSummary(Path file) {
    JsonNode root = parse(file, SUMMARY_KIND);
    try {
      int splits = (int) integer(file, root, "splits");
      Map<String, Estimate> overall = readEstimates(file, object(file, root, "overall"), splits);
      Map<String, Map<String, Estimate>> per = new LinkedHashMap<>();
      JsonNode pc = object(file, root, "per_class");
      for (Map.Entry<String, JsonNode> e : pc.properties()) {
        per.put(e.getKey(), readEstimates(file, e.getValue(), splits));
      }
      return new MeanAndError(strings(file, root, "classes"), splits, overall, per);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, "inconsistent summary: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise metrics", e);
    }
  }

  private static JsonNode parse(Path file, String kind) {
    String text = Json.readText(file, "metrics");
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw Json.notJson(file, e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(file, "metrics must be a JSON object");
    }
    JsonNode k = root.get("kind");
    if (k == null || !kind.equals(k.asText())) {
      throw new BadInputException(
          file, "expected \"kind\": \"" + kind + "\", got " + (k == null ? "none" : k));
    }
    return root;
  }

  private static void averages(ObjectNode o, Averages a) {
    o.put("precision", a.precision());
    o.put("recall", a.recall());
    o.put("f1", a.f1());
  }

  private static Averages readAverages(Path file, JsonNode root, String key) {
    JsonNode o = object(file, root, key);
    return new Averages(
        number(file, o, "precision"), number(file, o, "recall"), number(file, o, "f1"));
  }

  private static void estimates(ObjectNode o, Map<String, Estimate> m) {
    m.forEach(
        (k, e) -> {
          ObjectNode v = o.putObject(k);
          v.put("mean", e.mean());
          v.put("se", e.standardError());
        });
  }

  private static Map<String, Estimate> readEstimates(Path file, JsonNode o, int splits) {
    if (!o.isObject()) {
      throw new BadInputException(file, "expected an object of estimates, got " + o);
    }
    Map<String, Estimate> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      m.put(
          e.getKey(),
          new Estimate(
              number(file, e.getValue(), "mean"), number(file, e.getValue(), "se"), splits));
    }
    return m;
  }

  private static JsonNode field(Path file, JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      throw new BadInputException(file, "missing '" + key + "'");
    }
    return v;
  }

  private static JsonNode object(Path file, JsonNode o, String key) {
    JsonNode v = field(file, o, key);
    if (!v.isObject()) {
      throw new BadInputException(file, "'" + key + "' must be an object, got " + v);
    }
    return v;
  }

  private static JsonNode array(Path file, JsonNode o, String key) {
    JsonNode v = field(file, o, key);
    if (!v.isArray()) {
      throw new BadInputException(file, "'" + key + "' must be a list, got " + v);
    }
    return v;
  }

  private static double number(Path file, JsonNode o, String key) {
    JsonNode v = field(file, o, key);
    if (!v.isNumber()) {
      throw new BadInputException(file, "'" + key + "' must be a number, got " + v);
    }
    return v.asDouble();
  }

  private static long integer(Path file, JsonNode o, String key) {
    JsonNode v = field(file, o, key);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new BadInputException(file, "'" + key + "' must be an integer, got " + v);
    }
    return v.asLong();
  }

  private static String text(Path file, JsonNode o, String key) {
    JsonNode v = field(file, o, key);
    if (!v.isTextual()) {
      throw new BadInputException(file, "'" + key + "' must be a string, got " + v);
    }
    return v.asText();
  }

  private static List<String> strings(Path file, JsonNode o, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array(file, o, key)) {
      if (!v.isTextual()) {
        throw new BadInputException(file, "'" + key + "' must hold strings, got " + v);
      }
      out.add(v.asText());
    }
    return out;
  }
}
