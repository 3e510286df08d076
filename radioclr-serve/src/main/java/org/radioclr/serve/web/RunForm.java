package org.radioclr.serve.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A "run" form of the review: one radioclr command submitted through the job API ({@code POST
 * /api/v1/jobs}) with some options fixed by the form (the project's own files as {@code
 * project/NAME} inputs, the output names) and some the user sets. The page's script submits it,
 * polls the job and links its outputs.
 *
 * @param id the form's id on the page ({@code run-ID})
 * @param title what the button says
 * @param app the app ({@code GET /api/v1/apps}) it runs
 * @param fixed options set by the form, option to value
 * @param fields options the user sets
 * @param needsFeatures whether it needs the project's feature table ({@code --features})
 */
public record RunForm(
    String id,
    String title,
    String app,
    Map<String, Object> fixed,
    List<Field> fields,
    boolean needsFeatures) {

  /**
   * An option the user sets.
   *
   * @param option the option ({@code --trees})
   * @param label its label
   * @param type {@code int}, {@code number} or {@code string}, as in the app's schema
   * @param value its initial value
   */
  public record Field(String option, String label, String type, String value) {
    public Field {
      if (!List.of("int", "number", "string").contains(type)) {
        throw new IllegalArgumentException("field type must be int, number or string, got " + type);
      }
    }
  }

  public RunForm {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(app, "app");
    fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    fields = List.copyOf(fields);
  }

  /**
   * The review's forms: re-score every frame with other Isolation Forest settings ({@code anomaly
   * score} on the project's features), and export the top candidates of the project's scores
   * ({@code anomaly export}: CSV, VOTable, DS9 regions and a contact sheet).
   */
  public static List<RunForm> review() {
    Map<String, Object> rescore = new LinkedHashMap<>();
    rescore.put("--features", "project/features");
    rescore.put("--out", "scores.csv");
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("--scores", "project/scores");
    export.put("--datalist", "project/datalist");
    export.put("--out", "candidates");
    return List.of(
        new RunForm(
            "rescore",
            "re-score (Isolation Forest)",
            "anomaly-score",
            rescore,
            List.of(
                new Field("--trees", "trees", "int", "100"),
                new Field("--max-samples", "samples per tree", "string", "auto"),
                new Field("--columns", "columns", "string", "all"),
                new Field("--seed", "seed", "int", "1")),
            true),
        new RunForm(
            "export",
            "export the top candidates",
            "anomaly-export",
            export,
            List.of(new Field("--top", "top", "int", "50")),
            false));
  }
}
