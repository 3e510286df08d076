package org.radioclr.serve.web;

import static org.radioclr.serve.web.Html.esc;
import static org.radioclr.serve.web.Html.url;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.radioclr.core.inspect.Sexagesimal;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.serve.db.ReviewState;
import org.radioclr.serve.db.User;
import org.radioclr.serve.review.Embedding;
import org.radioclr.serve.review.FrameImages;
import org.radioclr.serve.review.ReviewProject;

/** The review's HTML pages (server-rendered; behaviour in {@code review.js}). */
public final class ReviewPages {
  /** Frames on one grid page. */
  public static final int PAGE_SIZE = 60;

  private ReviewPages() {}

  static String head(String title) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><link rel=\"stylesheet\" href=\"/static/review.css\">"
        + "<script src=\"/static/review.js\" defer></script>"
        + "<script src=\"/static/jobs.js\" defer></script></head><body>";
  }

  /** The login page. */
  public static String login(String problem) {
    return head("radioclr review: log in")
        + "<main class=\"login\"><h1>radioclr review</h1>"
        + (problem.isEmpty() ? "" : "<p class=\"error\">" + esc(problem) + "</p>")
        + "<form method=\"post\" action=\"/login\"><label>Token <input id=\"token\""
        + " name=\"token\" type=\"password\" autocomplete=\"off\" size=\"48\"></label>"
        + " <button id=\"login\" type=\"submit\">Log in</button></form>"
        + "<p>Get a token with <code>radioclr serve token add NAME</code>.</p></main></body></html>";
  }

  private static String nav(User user, String viewing, ReviewQuery q) {
    String sep = q.query().isEmpty() ? "" : "?" + q.query();
    String links =
        "<nav><a href=\"/"
            + sep
            + "\">grid</a> <a href=\"/map"
            + sep
            + "\">embedding</a> <span class=\"who\" id=\"who\">"
            + esc(user.name())
            + (user.admin() ? " (admin)" : "")
            + (user.anonymous() ? " (read only)" : "")
            + (viewing.equals(user.name()) ? "" : ", viewing " + esc(viewing))
            + "</span>";
    if (user.anonymous()) {
      return links + " <a id=\"login-link\" href=\"/login\">log in to rate</a></nav>";
    }
    return links
        + " <a href=\"/api/v1/review/export.csv\">export CSV</a>"
        + " <a href=\"/api/v1/review/export.vot\">VOTable</a>"
        + " <a href=\"/api/v1/review/export.reg\">DS9 regions</a>"
        + " <form method=\"post\" action=\"/logout\" class=\"inline\"><button>log out</button>"
        + "</form></nav>";
  }

  /** One grid page. */
  public static String grid(
      ReviewProject p,
      User user,
      String viewing,
      ReviewQuery q,
      List<Integer> order,
      double[] scores,
      java.util.Map<String, ReviewState> states,
      boolean learnedAvailable,
      int ratedCount,
      List<RunForm> runs) {
    StringBuilder b = new StringBuilder(head("radioclr review"));
    b.append(nav(user, viewing, q));
    b.append("<form class=\"controls\" method=\"get\" action=\"/\">")
        .append("<label>order <select name=\"mode\" id=\"mode\">")
        .append(option("raw", "raw score", !q.learned()))
        .append(option("learned", "learned (NeighbourScore)", q.learned()))
        .append("</select></label>")
        .append(
            "<label><input type=\"checkbox\" name=\"unrated\" value=\"1\" id=\"unrated\""
                + (q.unratedFirst() ? " checked" : "")
                + "> unrated first</label>")
        .append(input("smin", "score ≥", q.filter().scoreMin()))
        .append(input("smax", "score ≤", q.filter().scoreMax()))
        .append(text("label", "label", q.filter().label()))
        .append(text("tag", "tag", q.filter().tag()))
        .append("<label>rated <select name=\"rated\">")
        .append(option("", "all", q.filter().rated() == null))
        .append(option("yes", "rated", Boolean.TRUE.equals(q.filter().rated())))
        .append(option("no", "unrated", Boolean.FALSE.equals(q.filter().rated())))
        .append("</select></label>")
        .append(input("rmsmin", "rms ≥", q.filter().rmsMin()))
        .append(input("rmsmax", "rms ≤", q.filter().rmsMax()))
        .append(text("field", "field", q.filter().field()))
        .append("<button id=\"apply\">apply</button></form>");
    b.append("<form method=\"post\" action=\"/retrain\" class=\"retrain\">")
        .append("<button id=\"retrain\"")
        .append(p.hasFeatures() && !user.anonymous() ? "" : " disabled")
        .append(">retrain on my ")
        .append(ratedCount)
        .append(" ratings</button> ")
        .append(
            q.learned() && !learnedAvailable
                ? "<span class=\"note\">not trained yet: showing raw scores</span>"
                : "")
        .append("</form>");
    runs(b, runs);
    int from = Math.min(order.size(), q.page() * PAGE_SIZE);
    int to = Math.min(order.size(), from + PAGE_SIZE);
    b.append("<p class=\"count\">")
        .append(order.size())
        .append(" frames; ")
        .append(order.isEmpty() ? 0 : from + 1)
        .append("–")
        .append(to)
        .append("</p><div class=\"grid\" id=\"grid\">");
    String carry = q.query().isEmpty() ? "" : "?" + q.query();
    for (int i = from; i < to; i++) {
      int row = order.get(i);
      String sname = p.sname(row);
      ReviewState s = states.getOrDefault(sname, ReviewState.EMPTY);
      b.append("<a class=\"card\" data-sname=\"")
          .append(esc(sname))
          .append("\" href=\"/frame/")
          .append(url(sname))
          .append(carry)
          .append("\"><img loading=\"lazy\" width=\"")
          .append(FrameImages.THUMB)
          .append("\" height=\"")
          .append(FrameImages.THUMB)
          .append("\" alt=\"")
          .append(esc(sname))
          .append("\" src=\"/img/")
          .append(url(sname))
          .append("/rgb\"><span class=\"name\">")
          .append(esc(sname))
          .append("</span><span class=\"score\">")
          .append(String.format(Locale.ROOT, "%.3f", scores[row]))
          .append("</span><span class=\"rating\">")
          .append(s.rated() ? "★" + s.rating() : "")
          .append("</span></a>");
    }
    b.append("</div><p class=\"pager\">");
    if (q.page() > 0) {
      b.append(pageLink(q, q.page() - 1, "prev", "« previous"));
    }
    if (to < order.size()) {
      b.append(pageLink(q, q.page() + 1, "next", "next »"));
    }
    b.append("</p></body></html>");
    return b.toString();
  }

  /**
   * The run forms: each submits its job through {@code /api/v1/jobs} ({@code jobs.js}), shows its
   * state and links its outputs.
   */
  private static void runs(StringBuilder b, List<RunForm> runs) {
    if (runs.isEmpty()) {
      return;
    }
    b.append("<section class=\"runs\" id=\"runs\"><h2>run as a job</h2>");
    for (RunForm f : runs) {
      b.append("<form class=\"run\" id=\"run-")
          .append(esc(f.id()))
          .append("\" data-app=\"")
          .append(esc(f.app()))
          .append("\" data-fixed=\"")
          .append(esc(Html.json(f.fixed())))
          .append("\">");
      for (RunForm.Field field : f.fields()) {
        b.append("<label>")
            .append(esc(field.label()))
            .append(" <input size=\"6\" data-option=\"")
            .append(esc(field.option()))
            .append("\" data-type=\"")
            .append(field.type())
            .append("\" value=\"")
            .append(esc(field.value()))
            .append("\"></label> ");
      }
      b.append("<button type=\"submit\">")
          .append(esc(f.title()))
          .append("</button> <span class=\"job-state\" data-state=\"\"></span>")
          .append(" <button type=\"button\" class=\"job-cancel\" hidden>cancel</button>")
          .append("<ul class=\"job-outputs\"></ul></form>");
    }
    b.append("</section>");
  }

  private static String pageLink(ReviewQuery q, int page, String id, String text) {
    return "<a id=\""
        + id
        + "\" href=\"/?"
        + (q.query().isEmpty() ? "" : q.query() + "&")
        + "page="
        + page
        + "\">"
        + text
        + "</a> ";
  }

  /** The detail view of one frame. */
  public static String detail(
      ReviewProject p,
      User user,
      String viewing,
      ReviewQuery q,
      int row,
      double score,
      ReviewState s,
      String prev,
      String next,
      int position,
      int total,
      List<java.util.Map.Entry<String, Float>> similar) {
    String sname = p.sname(row);
    String carry = q.query().isEmpty() ? "" : "?" + q.query();
    StringBuilder b = new StringBuilder(head("radioclr review: " + sname));
    b.append(nav(user, viewing, q));
    b.append("<main class=\"detail\" id=\"detail\" data-sname=\"")
        .append(esc(sname))
        .append("\" data-prev=\"")
        .append(prev == null ? "" : "/frame/" + url(prev) + carry)
        .append("\" data-next=\"")
        .append(next == null ? "" : "/frame/" + url(next) + carry)
        .append("\" data-readonly=\"")
        .append(viewing.equals(user.name()) && !user.anonymous() ? "0" : "1")
        .append("\" data-readonly-why=\"")
        .append(user.anonymous() ? "read only: log in to rate" : "read only: another user's review")
        .append("\">");
    b.append("<h1>").append(esc(sname)).append("</h1>");
    b.append("<p class=\"position\">")
        .append(position + 1)
        .append(" of ")
        .append(total)
        .append(" · ← → move, 0–5 rate, u undo</p>");
    b.append(
            "<div class=\"views\"><div class=\"viewer\" id=\"viewer\"><img id=\"view\" src=\"/img/")
        .append(url(sname))
        .append("/ch1\" alt=\"frame\"></div><div class=\"view-buttons\">");
    for (String v : FrameImages.VIEWS) {
      b.append("<button class=\"view-button\" data-view=\"")
          .append(v)
          .append("\" data-src=\"/img/")
          .append(url(sname))
          .append('/')
          .append(v)
          .append("\">")
          .append(v)
          .append("</button>");
    }
    b.append("<button id=\"reset-zoom\">reset zoom</button></div></div>");
    b.append("<table class=\"meta\">");
    row(b, "score", String.format(Locale.ROOT, "%.4f", score));
    row(b, "raw score", String.format(Locale.ROOT, "%.4f", p.table().score(row)));
    row(b, "labels", String.join(", ", p.labels(row)));
    p.extra("map", row).ifPresent(m -> row(b, "map", m));
    p.extra("rms", row).ifPresent(m -> row(b, "rms", m));
    Optional<SkyCoord> c = p.centre(row);
    if (c.isPresent()) {
      double ra = c.get().lon();
      double dec = c.get().lat();
      row(b, "RA, Dec (ICRS, deg)", String.format(Locale.ROOT, "%.6f, %+.6f", ra, dec));
      row(b, "RA, Dec", Sexagesimal.ra(ra) + " " + Sexagesimal.dec(dec));
      String pos = String.format(Locale.ROOT, "%.6f %+.6f", ra, dec);
      b.append("<tr><th>links</th><td><a target=\"_blank\" rel=\"noopener\"")
          .append(" href=\"https://ned.ipac.caltech.edu/conesearch?coordinates=")
          .append(url(pos))
          .append("&radius=1\">NED</a> <a target=\"_blank\" rel=\"noopener\"")
          .append(" href=\"https://cdsportal.u-strasbg.fr/?target=")
          .append(url(pos))
          .append("\">CDS portal</a> <a target=\"_blank\" rel=\"noopener\"")
          .append(" href=\"https://simbad.cds.unistra.fr/simbad/sim-coo?Coord=")
          .append(url(pos))
          .append("&Radius=1&Radius.unit=arcmin\">SIMBAD</a></td></tr>");
    } else {
      row(b, "RA, Dec", "no WCS");
    }
    b.append("<tr><th>FITS</th><td><a id=\"fits\" href=\"/fits/")
        .append(url(sname))
        .append("\">download</a></td></tr></table>");
    b.append("<section class=\"review\"><p>rating <span id=\"rating\">")
        .append(s.rated() ? s.rating() : "–")
        .append("</span></p><p class=\"stars\">");
    for (int r = 0; r <= 5; r++) {
      b.append("<button class=\"rate\" data-rating=\"").append(r).append("\">").append(r);
      b.append("</button>");
    }
    b.append(" <button id=\"undo\">undo</button></p><p class=\"tags\">");
    for (String t : FrameLabel.labels()) {
      b.append("<label><input type=\"checkbox\" class=\"tag\" value=\"")
          .append(esc(t))
          .append('"')
          .append(s.tags().contains(t) ? " checked" : "")
          .append("> ")
          .append(esc(t))
          .append("</label> ");
    }
    b.append("</p><p><textarea id=\"note\" rows=\"3\" cols=\"60\" maxlength=\"4000\">")
        .append(esc(s.note()))
        .append("</textarea> <button id=\"save-note\">save note</button></p>")
        .append("<p id=\"status\" class=\"status\"></p></section>");
    b.append("<p>");
    if (prev != null) {
      b.append("<a id=\"prev\" href=\"/frame/").append(url(prev)).append(carry);
      b.append("\">« previous</a> ");
    }
    if (next != null) {
      b.append("<a id=\"next\" href=\"/frame/").append(url(next)).append(carry);
      b.append("\">next »</a>");
    }
    b.append("</p>");
    if (!similar.isEmpty()) {
      b.append(
          "<section class=\"similar\" id=\"similar\"><h2>similar to this</h2><div class=\"grid\">");
      for (var e : similar) {
        b.append("<a class=\"card\" data-sname=\"")
            .append(esc(e.getKey()))
            .append("\" href=\"/frame/")
            .append(url(e.getKey()))
            .append(carry)
            .append("\"><img loading=\"lazy\" width=\"96\" height=\"96\" alt=\"")
            .append(esc(e.getKey()))
            .append("\" src=\"/img/")
            .append(url(e.getKey()))
            .append("/rgb\"><span class=\"name\">")
            .append(esc(e.getKey()))
            .append("</span><span class=\"score\">cos ")
            .append(String.format(Locale.ROOT, "%.3f", e.getValue()))
            .append("</span></a>");
      }
      b.append("</div></section>");
    }
    b.append("</main></body></html>");
    return b.toString();
  }

  /**
   * The 2-D embedding: one SVG dot per frame (the coordinates of {@code radioclr project} when the
   * server was given them, else a PCA of the features), coloured by score, rated frames ringed; a
   * click opens the frame.
   */
  public static String map(
      ReviewProject p,
      User user,
      String viewing,
      ReviewQuery q,
      Embedding embedding,
      double[] scores,
      java.util.Map<String, ReviewState> states) {
    StringBuilder b = new StringBuilder(head("radioclr review: embedding"));
    b.append(nav(user, viewing, q));
    double[][] xy = embedding.xy();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < xy.length; r++) {
      if (!embedding.has(r)) {
        continue;
      }
      double[] v = xy[r];
      minX = Math.min(minX, v[0]);
      maxX = Math.max(maxX, v[0]);
      minY = Math.min(minY, v[1]);
      maxY = Math.max(maxY, v[1]);
    }
    double w = 800;
    double h = 600;
    double sx = maxX > minX ? (w - 20) / (maxX - minX) : 1;
    double sy = maxY > minY ? (h - 20) / (maxY - minY) : 1;
    String carry = q.query().isEmpty() ? "" : "?" + q.query();
    b.append("<h1>embedding (")
        .append(esc(embedding.source()))
        .append(")</h1><p>colour: score (blue low, red high);")
        .append(" ringed: rated; click a dot to open the frame.")
        .append(
            embedding.missing() > 0
                ? " " + embedding.missing() + " frames have no point and are not drawn."
                : "")
        .append("</p>")
        .append("<svg id=\"embedding\" width=\"800\" height=\"600\" viewBox=\"0 0 800 600\"")
        .append(" style=\"background:#fff;border:1px solid #ccc\">");
    for (int r = 0; r < xy.length; r++) {
      if (!embedding.has(r)) {
        continue;
      }
      double x = 10 + (xy[r][0] - minX) * sx;
      double y = h - 10 - (xy[r][1] - minY) * sy;
      double s = Math.max(0, Math.min(1, scores[r]));
      int red = (int) Math.round(255 * s);
      String sname = p.sname(r);
      boolean rated = states.getOrDefault(sname, ReviewState.EMPTY).rated();
      b.append("<a href=\"/frame/")
          .append(url(sname))
          .append(carry)
          .append("\"><circle class=\"dot\" data-sname=\"")
          .append(esc(sname))
          .append(String.format(Locale.ROOT, "\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"", x, y))
          .append(String.format(Locale.ROOT, " fill=\"rgb(%d,60,%d)\"", red, 255 - red))
          .append(rated ? " stroke=\"#000\" stroke-width=\"2\"" : "")
          .append("><title>")
          .append(esc(sname))
          .append(String.format(Locale.ROOT, " %.3f", scores[r]))
          .append("</title></circle></a>");
    }
    b.append("</svg></body></html>");
    return b.toString();
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value));
    b.append("</td></tr>");
  }

  private static String option(String value, String text, boolean selected) {
    return "<option value=\""
        + esc(value)
        + "\""
        + (selected ? " selected" : "")
        + ">"
        + esc(text)
        + "</option>";
  }

  private static String input(String name, String text, Double value) {
    return "<label>"
        + esc(text)
        + " <input name=\""
        + name
        + "\" size=\"5\" value=\""
        + (value == null ? "" : value)
        + "\"></label>";
  }

  private static String text(String name, String text, String value) {
    return "<label>"
        + esc(text)
        + " <input name=\""
        + name
        + "\" size=\"10\" value=\""
        + esc(value)
        + "\"></label>";
  }
}
