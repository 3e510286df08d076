package org.radioclr.serve.review;

import java.util.Map;
import org.radioclr.serve.db.ReviewState;

/**
 * Which candidates to show; every part is optional ({@code null} = no condition).
 *
 * @param scoreMin lowest score shown (the score the ordering uses)
 * @param scoreMax highest score shown
 * @param label a label the frame must carry (score table's {@code label})
 * @param tag a tag the reviewer must have given
 * @param rated true: only rated frames; false: only unrated ones
 * @param rmsMin lowest {@code rms} column value
 * @param rmsMax highest {@code rms} column value
 * @param field the {@code map} column value (the survey field)
 */
public record CandidateFilter(
    Double scoreMin,
    Double scoreMax,
    String label,
    String tag,
    Boolean rated,
    Double rmsMin,
    Double rmsMax,
    String field) {

  /** No condition. */
  public static final CandidateFilter NONE =
      new CandidateFilter(null, null, null, null, null, null, null, null);

  /** Whether row {@code row} with score {@code score} and review state {@code state} passes. */
  public boolean accepts(ReviewProject p, int row, double score, ReviewState state) {
    if (scoreMin != null && score < scoreMin) {
      return false;
    }
    if (scoreMax != null && score > scoreMax) {
      return false;
    }
    if (label != null && !p.labels(row).contains(label)) {
      return false;
    }
    if (tag != null && !state.tags().contains(tag)) {
      return false;
    }
    if (rated != null && state.rated() != rated) {
      return false;
    }
    if (rmsMin != null || rmsMax != null) {
      Double rms = p.number("rms", row).orElse(null);
      if (rms == null || (rmsMin != null && rms < rmsMin) || (rmsMax != null && rms > rmsMax)) {
        return false;
      }
    }
    return field == null || field.equals(p.extra("map", row).orElse(null));
  }

  /** Reads a filter from query parameters (first values); blank means absent. */
  public static CandidateFilter fromQuery(Map<String, java.util.List<String>> q) {
    return new CandidateFilter(
        number(q, "smin"),
        number(q, "smax"),
        text(q, "label"),
        text(q, "tag"),
        switch (text(q, "rated") == null ? "" : text(q, "rated")) {
          case "yes" -> Boolean.TRUE;
          case "no" -> Boolean.FALSE;
          default -> null;
        },
        number(q, "rmsmin"),
        number(q, "rmsmax"),
        text(q, "field"));
  }

  private static String text(Map<String, java.util.List<String>> q, String key) {
    java.util.List<String> v = q.get(key);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
  }

  private static Double number(Map<String, java.util.List<String>> q, String key) {
    String v = text(q, key);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
    }
  }
}
