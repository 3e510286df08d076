package org.radioclr.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radioclr.core.RadioclrException;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.RatingStore;
import org.radioclr.serve.db.User;
import org.radioclr.serve.db.Users;
import org.radioclr.serve.learn.NeighbourScore;
import org.radioclr.serve.review.FrameImages;
import org.radioclr.serve.review.ReviewProject;
import org.radioclr.serve.review.ReviewService;
import org.radioclr.serve.web.Auth;
import org.radioclr.serve.web.ReviewRoutes;

/**
 * A running {@code radioclr serve}: Javalin on the configured address, the review of one project
 * and any further route modules (the job service), one database. Every request but the login page,
 * the static assets and the OpenAPI document needs a valid bearer token (or the login cookie); with
 * {@link ServeConfig#publicRead()} a GET or HEAD without one is served as {@link User#ANONYMOUS}
 * (the raw ranking, images, FITS, the embedding, the apps; no one's ratings, files or jobs), and
 * every other method still needs a token; a wrong token is refused either way. Errors are JSON
 * {@code {"error": "..."}} one-liners under {@code /api}, short pages elsewhere; never a stack
 * trace.
 */
public final class ServeServer implements AutoCloseable {
  /** Static assets shipped in the jar, by name. */
  private static final Map<String, String> STATIC =
      Map.of(
          "review.js", "text/javascript",
          "jobs.js", "text/javascript",
          "review.css", "text/css");

  private final Javalin app;
  private final Database db;
  private final List<RouteModule> modules;

  private ServeServer(Javalin app, Database db, List<RouteModule> modules) {
    this.app = app;
    this.db = db;
    this.modules = modules;
  }

  /**
   * Opens the project and the database and starts serving.
   *
   * @param modules further routes (e.g. the job service), registered after the review's
   */
  public static ServeServer start(
      ServeConfig config, Database db, List<? extends RouteModule> modules) {
    Objects.requireNonNull(config, "config");
    ReviewProject project =
        ReviewProject.open(config.scores(), config.features(), config.datalist());
    Users users = new Users(db);
    ReviewService review =
        new ReviewService(
            project,
            new RatingStore(db),
            NeighbourScore.defaults(config.seed()),
            config.projection());
    Path scratch = config.scratch();
    FrameImages images = new FrameImages(project, scratch);
    Map<String, Path> shared = new java.util.LinkedHashMap<>();
    shared.put("project/scores", config.scores().toAbsolutePath());
    shared.put("project/datalist", config.datalist().toAbsolutePath());
    if (config.features() != null) {
      shared.put("project/features", config.features().toAbsolutePath());
    }
    if (config.projection() != null) {
      shared.put("project/projection", config.projection().toAbsolutePath());
    }
    for (RouteModule m : modules) {
      m.shareProjectFiles(shared);
    }
    ReviewRoutes routes =
        new ReviewRoutes(
            review, images, users, scratch, modules.stream().anyMatch(RouteModule::runsJobs));
    Auth auth = new Auth(users);
    Javalin app =
        Javalin.create(
            c -> {
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              c.http.maxRequestSize = 1 << 20;
              c.startup.showJavalinBanner = false;
              c.routes.before(ctx -> authenticate(auth, config.publicRead(), ctx));
              c.routes.get("/static/{name}", ServeServer::asset);
              routes.register(c.routes);
              for (RouteModule m : modules) {
                m.register(c.routes);
              }
              c.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
              c.routes.exception(
                  IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
              c.routes.exception(
                  IllegalStateException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
              c.routes.exception(
                  RadioclrException.class, (e, ctx) -> error(ctx, 422, e.getMessage()));
              c.routes.exception(
                  org.radioclr.serve.jobs.FileStore.TooLargeException.class,
                  (e, ctx) -> {
                    // the rest of the body is not read: the connection cannot serve another
                    ctx.header("Connection", "close");
                    error(ctx, 413, e.getMessage());
                  });
              c.routes.exception(
                  org.radioclr.serve.jobs.FileStore.WrongTypeException.class,
                  (e, ctx) -> error(ctx, 415, e.getMessage()));
              c.routes.exception(
                  Exception.class,
                  (e, ctx) -> error(ctx, 500, "internal error: " + RadioclrException.describe(e)));
            });
    app.start();
    return new ServeServer(app, db, List.copyOf(modules));
  }

  private static void authenticate(Auth auth, boolean publicRead, Context ctx) {
    String path = ctx.path();
    if (auth.identify(ctx).isPresent()
        || path.equals("/login")
        || path.startsWith("/static/")
        || path.equals("/api/v1/openapi.yaml")) {
      return;
    }
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    // a token that came but is not valid is refused even then, so a client learns of it
    if (publicRead && read && Auth.token(ctx).isEmpty()) {
      Auth.admitAnonymous(ctx);
      return;
    }
    if (path.startsWith("/api/")) {
      throw new HttpResponseException(
          401,
          publicRead
              ? "a valid bearer token is required to change anything"
              : "a valid bearer token is required");
    }
    ctx.redirect("/login");
    ctx.skipRemainingHandlers();
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    String m = message == null || message.isBlank() ? "error " + status : message;
    if (ctx.path().startsWith("/api/")) {
      ctx.json(Map.of("error", m));
    } else {
      ctx.contentType("text/html")
          .result(
              "<!doctype html><html><head><meta charset=\"utf-8\"><title>error</title></head>"
                  + "<body><p class=\"error\">"
                  + org.radioclr.serve.web.Html.esc(m)
                  + "</p><p><a href=\"/\">back</a></p></body></html>");
    }
  }

  private static void asset(Context ctx) {
    String name = ctx.pathParam("name");
    String type = STATIC.get(name);
    if (type == null) {
      throw new HttpResponseException(404, "no asset '" + name + "'");
    }
    try (InputStream in = ServeServer.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new HttpResponseException(404, "no asset '" + name + "'");
      }
      ctx.contentType(type).result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port served (the one chosen when the configuration asked for 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    for (RouteModule m : modules) {
      m.close();
    }
    db.close();
  }
}
