package org.radioclr.serve.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.radioclr.serve.review.CandidateFilter;

/**
 * The ordering and filter of a review page, as query parameters: {@code mode=raw|learned}, {@code
 * unrated=1}, the {@link CandidateFilter} keys, and {@code page}.
 *
 * @param learned order by the learned score
 * @param unratedFirst unrated frames first
 * @param filter which frames
 * @param page 0-based grid page
 * @param query the query string to carry over to linked pages (without {@code page})
 */
public record ReviewQuery(
    boolean learned, boolean unratedFirst, CandidateFilter filter, int page, String query) {

  private static final List<String> KEPT =
      List.of(
          "mode", "unrated", "smin", "smax", "label", "tag", "rated", "rmsmin", "rmsmax", "field");

  /** Reads the query of a request. */
  public static ReviewQuery of(Context ctx) {
    Map<String, List<String>> q = ctx.queryParamMap();
    StringJoiner kept = new StringJoiner("&");
    for (String k : KEPT) {
      List<String> v = q.get(k);
      if (v != null && !v.isEmpty() && !v.get(0).isBlank()) {
        kept.add(k + "=" + Html.url(v.get(0)));
      }
    }
    int page = 0;
    String p = ctx.queryParam("page");
    if (p != null && !p.isBlank()) {
      try {
        page = Math.max(0, Integer.parseInt(p));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("page must be a whole number, got '" + p + "'");
      }
    }
    return new ReviewQuery(
        "learned".equals(ctx.queryParam("mode")),
        "1".equals(ctx.queryParam("unrated")),
        CandidateFilter.fromQuery(q),
        page,
        kept.toString());
  }

  /** The first value of a key, {@code ""} when absent. */
  public static String value(Context ctx, String key) {
    String v = ctx.queryParam(key);
    return v == null ? "" : v;
  }
}
