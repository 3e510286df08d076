package org.radioclr.classify.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Predictions;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;

/**
 * A fitted linear classifier on feature tables (the linear probe of self-supervised features):
 * features are standardised with the training mean and standard deviation, then {@code z_c = b_c +
 * sum_j w_cj x'_j} gives softmax class probabilities, or one sigmoid per class when multi-label.
 * Saved as JSON ({@code model.json}) so that it can be applied to new tables.
 *
 * @param classes class names in index order
 * @param featureNames the feature columns it was fitted on, in order ({@code f0..fN})
 * @param multiLabel one sigmoid per class instead of a softmax
 * @param mean {@code [dim]} training means
 * @param std {@code [dim]} training standard deviations (1 where a feature was constant)
 * @param weights {@code [classes][dim]} on standardised features
 * @param bias {@code [classes]} intercepts
 * @param fit how the fit went
 */
public record LogisticModel(
    List<String> classes,
    List<String> featureNames,
    boolean multiLabel,
    double[] mean,
    double[] std,
    double[][] weights,
    double[] bias,
    FitInfo fit) {

  /** The {@code kind} of the JSON file. */
  public static final String KIND = "logistic_regression";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * How a fit went.
   *
   * @param l2 the penalty used
   * @param iterations L-BFGS iterations run
   * @param converged whether L-BFGS stopped on its own tests before the iteration budget
   * @param loss the final penalised mean log-loss
   * @param trainRows number of training rows
   */
  public record FitInfo(double l2, int iterations, boolean converged, double loss, int trainRows) {}

  public LogisticModel {
    classes = List.copyOf(classes);
    featureNames = List.copyOf(featureNames);
    Objects.requireNonNull(fit, "fit");
    int dim = featureNames.size();
    int k = classes.size();
    if (mean.length != dim || std.length != dim) {
      throw new IllegalArgumentException(
          "mean and std need " + dim + " values, got " + mean.length + " and " + std.length);
    }
    if (weights.length != k || bias.length != k) {
      throw new IllegalArgumentException(
          "weights and bias need " + k + " rows, got " + weights.length + " and " + bias.length);
    }
    double[][] w = new double[k][];
    for (int c = 0; c < k; c++) {
      if (weights[c].length != dim) {
        throw new IllegalArgumentException(
            "weights row " + c + " needs " + dim + " values, got " + weights[c].length);
      }
      w[c] = weights[c].clone();
    }
    for (int j = 0; j < dim; j++) {
      if (!(std[j] > 0) || !Double.isFinite(mean[j])) {
        throw new IllegalArgumentException(
            "feature "
                + featureNames.get(j)
                + ": std must be > 0 and mean finite, got "
                + std[j]
                + " and "
                + mean[j]);
      }
    }
    mean = mean.clone();
    std = std.clone();
    weights = w;
    bias = bias.clone();
  }

  /** Number of features expected. */
  public int dimension() {
    return featureNames.size();
  }

  /**
   * Class probabilities of one row.
   *
   * @param features {@code [dim]} raw (unstandardised) features
   * @return {@code [classes]} softmax probabilities, or per-class sigmoids when multi-label
   */
  public float[] probabilities(float[] features) {
    if (features.length != dimension()) {
      throw new IllegalArgumentException(
          "expected " + dimension() + " features, got " + features.length);
    }
    int k = classes.size();
    double[] z = new double[k];
    double[] xs = new double[features.length];
    for (int j = 0; j < xs.length; j++) {
      xs[j] = (features[j] - mean[j]) / std[j];
    }
    for (int c = 0; c < k; c++) {
      double s = bias[c];
      double[] wc = weights[c];
      for (int j = 0; j < xs.length; j++) {
        s += wc[j] * xs[j];
      }
      z[c] = s;
    }
    float[] p = new float[k];
    if (multiLabel) {
      for (int c = 0; c < k; c++) {
        p[c] = (float) sigmoid(z[c]);
      }
    } else {
      double max = Arrays.stream(z).max().orElse(0);
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(z[c] - max);
      }
      for (int c = 0; c < k; c++) {
        p[c] = (float) (Math.exp(z[c] - max) / sum);
      }
    }
    return p;
  }

  /**
   * The model's predictions on labelled rows.
   *
   * @param features {@code [rows][dim]}
   * @param snames one per row
   * @param truth {@code [rows][*]} true class indices
   */
  public Predictions predict(float[][] features, List<String> snames, int[][] truth) {
    float[][] scores = new float[features.length][];
    for (int i = 0; i < features.length; i++) {
      scores[i] = probabilities(features[i]);
    }
    return new Predictions(classes, snames, multiLabel, truth, scores);
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Writes the model as JSON, atomically. */
  public void write(Path file) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND);
    ArrayNode cl = root.putArray("classes");
    classes.forEach(cl::add);
    root.put("multi_label", multiLabel);
    ArrayNode fn = root.putArray("features");
    featureNames.forEach(fn::add);
    doubles(root.putArray("mean"), mean);
    doubles(root.putArray("std"), std);
    ArrayNode w = root.putArray("weights");
    for (double[] row : weights) {
      doubles(w.addArray(), row);
    }
    doubles(root.putArray("bias"), bias);
    ObjectNode f = root.putObject("fit");
    f.put("l2", fit.l2());
    f.put("iterations", fit.iterations());
    f.put("converged", fit.converged());
    f.put("loss", fit.loss());
    f.put("train_rows", fit.trainRows());
    try {
      AtomicFiles.writeString(file, MAPPER.writeValueAsString(root) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise model", e);
    }
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws BadInputException naming the file when it is missing, not JSON, not such a model or
   *     inconsistent
   */
  public static LogisticModel read(Path file) {
    String text = Json.readText(file, "model");
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw Json.notJson(file, e);
    }
    if (root == null || !root.isObject() || !KIND.equals(root.path("kind").asText())) {
      throw new BadInputException(
          file, "not a logistic-regression model (\"kind\": \"" + KIND + "\" expected)");
    }
    try {
      JsonNode w = need(file, root, "weights");
      double[][] weights = new double[w.size()][];
      for (int c = 0; c < w.size(); c++) {
        weights[c] = doubles(file, w.get(c), "weights[" + c + "]");
      }
      JsonNode f = need(file, root, "fit");
      return new LogisticModel(
          strings(file, need(file, root, "classes"), "classes"),
          strings(file, need(file, root, "features"), "features"),
          need(file, root, "multi_label").asBoolean(),
          doubles(file, need(file, root, "mean"), "mean"),
          doubles(file, need(file, root, "std"), "std"),
          weights,
          doubles(file, need(file, root, "bias"), "bias"),
          new FitInfo(
              need(file, f, "l2").asDouble(),
              need(file, f, "iterations").asInt(),
              need(file, f, "converged").asBoolean(),
              need(file, f, "loss").asDouble(),
              need(file, f, "train_rows").asInt()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, "inconsistent model: " + e.getMessage(), e);
    }
  }

  private static JsonNode need(Path file, JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      throw new BadInputException(file, "missing '" + key + "'");
    }
    return v;
  }

  private static void doubles(ArrayNode a, double[] v) {
    for (double d : v) {
      a.add(d);
    }
  }

  private static double[] doubles(Path file, JsonNode a, String what) {
    if (!a.isArray()) {
      throw new BadInputException(file, "'" + what + "' must be a list of numbers");
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new BadInputException(
            file, "'" + what + "' must hold numbers, got " + a.get(i) + " at " + i);
      }
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static List<String> strings(Path file, JsonNode a, String what) {
    if (!a.isArray()) {
      throw new BadInputException(file, "'" + what + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : a) {
      out.add(v.asText());
    }
    return out;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  @Override
  public double[][] weights() {
    double[][] w = new double[weights.length][];
    for (int c = 0; c < w.length; c++) {
      w[c] = weights[c].clone();
    }
    return w;
  }

  @Override
  public double[] bias() {
    return bias.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogisticModel m
        && classes.equals(m.classes)
        && featureNames.equals(m.featureNames)
        && multiLabel == m.multiLabel
        && Arrays.equals(mean, m.mean)
        && Arrays.equals(std, m.std)
        && Arrays.deepEquals(weights, m.weights)
        && Arrays.equals(bias, m.bias)
        && fit.equals(m.fit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        classes, featureNames, multiLabel, Arrays.hashCode(mean), Arrays.deepHashCode(weights));
  }

  @Override
  public String toString() {
    return "LogisticModel["
        + classes.size()
        + " classes, "
        + dimension()
        + " features"
        + (multiLabel ? ", multi-label" : "")
        + ", "
        + fit
        + "]";
  }
}
