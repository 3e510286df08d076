package org.radioclr.serve.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radioclr.anomaly.frames.LocatedFrame;
import org.radioclr.serve.db.RatingEvent;
import org.radioclr.serve.db.RatingEvent.Kind;
import org.radioclr.serve.db.ReviewState;
import org.radioclr.serve.db.User;
import org.radioclr.serve.db.Users;
import org.radioclr.serve.review.Embedding;
import org.radioclr.serve.review.FrameImages;
import org.radioclr.serve.review.Ranking;
import org.radioclr.serve.review.RatedExport;
import org.radioclr.serve.review.ReviewService;

/**
 * The review's routes: the pages ({@code /}, {@code /frame/{sname}}, {@code /login}), the images
 * ({@code /img/{sname}/{view}}, {@code /fits/{sname}}) and the JSON API under {@code
 * /api/v1/review}. An admin may look at another user's review with {@code ?as=NAME} (read only);
 * anyone else asking for that gets 403.
 */
public final class ReviewRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Frames shown as "similar to this". */
  static final int SIMILAR = 8;

  private final ReviewService review;
  private final FrameImages images;
  private final Users users;
  private final Path scratch;
  private final List<RunForm> runs;

  /**
   * @param jobs whether the server runs jobs (the grid then shows the {@link RunForm#review()}
   *     forms the project can feed)
   */
  public ReviewRoutes(
      ReviewService review, FrameImages images, Users users, Path scratch, boolean jobs) {
    this.review = review;
    this.images = images;
    this.users = users;
    this.scratch = scratch;
    this.runs =
        jobs
            ? RunForm.review().stream()
                .filter(f -> !f.needsFeatures() || review.project().hasFeatures())
                .toList()
            : List.of();
  }

  /** Registers the routes. */
  public void register(RoutesConfig r) {
    r.get("/login", ctx -> ctx.html(ReviewPages.login("")));
    r.post("/login", this::login);
    r.post("/logout", ctx -> logout(ctx));
    r.get("/", this::grid);
    r.get("/frame/{sname}", this::detail);
    r.get("/map", this::map);
    r.get("/api/v1/review/similar/{sname}", this::similarJson);
    r.post("/retrain", this::retrainForm);
    r.get("/img/{sname}/{view}", this::image);
    r.get("/fits/{sname}", this::fits);
    r.get("/api/v1/review/states", this::states);
    r.get("/api/v1/review/order", this::order);
    r.post("/api/v1/review/ratings", ctx -> event(ctx, Kind.RATE));
    r.post("/api/v1/review/tags", this::tag);
    r.post("/api/v1/review/notes", ctx -> event(ctx, Kind.NOTE));
    r.post("/api/v1/review/undo", this::undo);
    r.post("/api/v1/review/retrain", this::retrain);
    r.get("/api/v1/review/export.{format}", this::export);
  }

  private void login(Context ctx) {
    String token = ctx.formParam("token");
    if (token == null || users.byToken(token.strip()).isEmpty()) {
      ctx.status(401).html(ReviewPages.login("unknown token"));
      return;
    }
    ctx.cookie(new Cookie(Auth.COOKIE, token.strip(), "/", -1, false, true, null, SameSite.STRICT));
    ctx.redirect("/");
  }

  private static void logout(Context ctx) {
    ctx.removeCookie(Auth.COOKIE, "/");
    ctx.redirect("/login");
  }

  /** The user whose review is shown: the caller, or for an admin the {@code as} user. */
  private User viewing(Context ctx) {
    User me = Auth.user(ctx);
    String as = ctx.queryParam("as");
    if (as == null || as.isBlank() || as.equals(me.name())) {
      return me;
    }
    if (!me.admin()) {
      throw new HttpResponseException(403, "only an admin may see another user's ratings");
    }
    return users.all().stream()
        .filter(u -> u.name().equals(as))
        .findFirst()
        .orElseThrow(() -> new HttpResponseException(404, "no user named '" + as + "'"));
  }

  private List<Integer> order(User who, ReviewQuery q) {
    return Ranking.order(
        review.project(),
        review.scores(who.id(), q.learned()),
        review.ratings().states(who.id()),
        q.filter(),
        q.unratedFirst());
  }

  private void grid(Context ctx) {
    User me = Auth.user(ctx);
    User who = viewing(ctx);
    ReviewQuery q = ReviewQuery.of(ctx);
    Map<String, ReviewState> states = review.ratings().states(who.id());
    int rated = (int) states.values().stream().filter(ReviewState::rated).count();
    ctx.html(
        ReviewPages.grid(
            review.project(),
            me,
            who.name(),
            q,
            order(who, q),
            review.scores(who.id(), q.learned()),
            states,
            review.learnedScores(who.id()).isPresent(),
            rated,
            me.anonymous() ? List.of() : runs));
  }

  private int row(String sname) {
    return review
        .project()
        .row(sname)
        .orElseThrow(() -> new HttpResponseException(404, "no frame named '" + sname + "'"));
  }

  private void detail(Context ctx) {
    User me = Auth.user(ctx);
    User who = viewing(ctx);
    ReviewQuery q = ReviewQuery.of(ctx);
    String sname = ctx.pathParam("sname");
    int row = row(sname);
    List<Integer> order = order(who, q);
    int at = order.indexOf(row);
    String prev = at > 0 ? review.project().sname(order.get(at - 1)) : null;
    String next =
        at >= 0 && at + 1 < order.size() ? review.project().sname(order.get(at + 1)) : null;
    ctx.html(
        ReviewPages.detail(
            review.project(),
            me,
            who.name(),
            q,
            row,
            review.scores(who.id(), q.learned())[row],
            review.ratings().state(who.id(), sname),
            prev,
            next,
            Math.max(0, at),
            order.size(),
            review.similar(row, SIMILAR).stream()
                .map(n -> Map.entry(review.project().sname(n.row()), n.similarity()))
                .toList()));
  }

  private void map(Context ctx) {
    User me = Auth.user(ctx);
    User who = viewing(ctx);
    ReviewQuery q = ReviewQuery.of(ctx);
    Embedding xy =
        review
            .embedding()
            .orElseThrow(
                () ->
                    new HttpResponseException(
                        404,
                        "no embedding: the server was started without --features or"
                            + " --projection"));
    ctx.html(
        ReviewPages.map(
            review.project(),
            me,
            who.name(),
            q,
            xy,
            review.scores(who.id(), q.learned()),
            review.ratings().states(who.id())));
  }

  private void similarJson(Context ctx) {
    Auth.user(ctx);
    int row = row(ctx.pathParam("sname"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (var n : review.similar(row, SIMILAR)) {
      out.add(Map.of("sname", review.project().sname(n.row()), "similarity", n.similarity()));
    }
    ctx.json(out);
  }

  private void image(Context ctx) {
    Auth.user(ctx);
    int row = row(ctx.pathParam("sname"));
    String view = ctx.pathParam("view");
    if (!FrameImages.VIEWS.contains(view)) {
      throw new HttpResponseException(404, "no view '" + view + "', use " + FrameImages.VIEWS);
    }
    ctx.contentType("image/png");
    ctx.header("Cache-Control", "private, max-age=3600");
    ctx.result(images.png(row, view));
  }

  private void fits(Context ctx) {
    Auth.user(ctx);
    String sname = ctx.pathParam("sname");
    LocatedFrame f = review.project().locate(row(sname));
    Path file = f.file();
    ctx.contentType("application/fits");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + file.getFileName().toString().replace("\"", "") + "\"");
    try {
      ctx.result(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void retrainForm(Context ctx) {
    review.retrain(Auth.writer(ctx));
    ctx.redirect("/?mode=learned");
  }

  private void retrain(Context ctx) {
    int n = review.retrain(Auth.writer(ctx));
    ctx.json(Map.of("ratings", n));
  }

  private void states(Context ctx) {
    User who = viewing(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    review.ratings().states(who.id()).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), stateJson(e.getValue())));
    ctx.json(Map.of("user", who.name(), "states", out));
  }

  private void order(Context ctx) {
    User who = viewing(ctx);
    ReviewQuery q = ReviewQuery.of(ctx);
    double[] scores = review.scores(who.id(), q.learned());
    List<Map<String, Object>> out = new ArrayList<>();
    for (int row : order(who, q)) {
      out.add(Map.of("sname", review.project().sname(row), "score", scores[row]));
    }
    ctx.json(
        Map.of(
            "mode",
            q.learned() && review.learnedScores(who.id()).isPresent() ? "learned" : "raw",
            "frames",
            out));
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode n = JSON.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("the request body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException("the request body is not JSON: " + e.getMessage());
    }
  }

  private static String field(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return v.asText();
  }

  private void event(Context ctx, Kind kind) {
    User me = Auth.writer(ctx);
    JsonNode body = body(ctx);
    String sname = field(body, "sname");
    row(sname);
    String value = field(body, kind == Kind.RATE ? "rating" : "note");
    RatingEvent e = review.ratings().append(me, sname, kind, value);
    ctx.status(201).json(eventJson(e, review.ratings().state(me.id(), sname)));
  }

  private void tag(Context ctx) {
    User me = Auth.writer(ctx);
    JsonNode body = body(ctx);
    String sname = field(body, "sname");
    row(sname);
    boolean on = !body.has("on") || body.get("on").asBoolean();
    RatingEvent e =
        review.ratings().append(me, sname, on ? Kind.TAG_ADD : Kind.TAG_REMOVE, field(body, "tag"));
    ctx.status(201).json(eventJson(e, review.ratings().state(me.id(), sname)));
  }

  private void undo(Context ctx) {
    User me = Auth.writer(ctx);
    Optional<RatingEvent> e = review.ratings().undo(me);
    if (e.isEmpty()) {
      ctx.json(Map.of("undone", false));
      return;
    }
    Map<String, Object> out = eventJson(e.get(), review.ratings().state(me.id(), e.get().sname()));
    out.put("undone", true);
    ctx.json(out);
  }

  private void export(Context ctx) {
    User who = viewing(ctx);
    String format = ctx.pathParam("format");
    if (!RatedExport.FORMATS.contains(format)) {
      throw new HttpResponseException(
          404, "no export format '" + format + "', use " + RatedExport.FORMATS);
    }
    boolean learned = "learned".equals(ctx.queryParam("mode"));
    try {
      Files.createDirectories(scratch);
      Path tmp = Files.createTempFile(scratch, "export-", "." + format);
      try {
        RatedExport.write(tmp, format, review.rated(who, learned));
        ctx.contentType(
            switch (format) {
              case "csv" -> "text/csv";
              case "vot" -> "application/x-votable+xml";
              default -> "text/plain";
            });
        ctx.header(
            "Content-Disposition",
            "attachment; filename=\"rated-" + who.name() + "." + format + "\"");
        ctx.result(Files.readAllBytes(tmp));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an export in " + scratch, e);
    }
  }

  private static Map<String, Object> stateJson(ReviewState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rating", s.rated() ? s.rating() : null);
    m.put("tags", List.copyOf(s.tags()));
    m.put("note", s.note());
    m.put("updated", s.updated().toString());
    return m;
  }

  private static Map<String, Object> eventJson(RatingEvent e, ReviewState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", e.id());
    m.put("sname", e.sname());
    m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("value", e.value());
    m.put("at", e.at().toString());
    m.put("state", stateJson(s));
    return m;
  }
}
