package org.radioclr.serve.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.radioclr.serve.db.User;

/**
 * Turns a client's job request into the {@code radioclr} arguments of the process, checking every
 * part against the app's schema:
 *
 * <pre>
 * {"app": "anomaly-score",
 *  "options": {"--features": "files/ID", "--out": "scores.parquet", "--trees": 100},
 *  "args": ["files/ID2"]}
 * </pre>
 *
 * An input option names a file of the server: {@code files/ID} (an upload or registered path the
 * user may see), {@code jobs/ID/PATH} (an output of one of the user's earlier jobs) or {@code
 * project/NAME} (a file of the reviewed project the server shares with every user: {@code
 * project/scores}, {@code project/features}, {@code project/datalist}). An output option's value is
 * a relative path inside the new job's {@code out/} folder (a required output left out becomes
 * {@code out}). A flag is {@code true} or {@code false}. Values are passed as {@code --name=value},
 * one argument each, so none can pose as another option; nothing a client sends reaches a shell,
 * and no path escapes the data folder.
 */
public final class JobRequests {
  private final AppCatalog catalog;
  private final FileStore files;
  private final JobStore jobs;
  private final JobRunner runner;
  private volatile Map<String, Path> shared = Map.of();

  public JobRequests(AppCatalog catalog, FileStore files, JobStore jobs, JobRunner runner) {
    this.catalog = catalog;
    this.files = files;
    this.jobs = jobs;
    this.runner = runner;
  }

  /** Sets the project files every user may name as {@code project/NAME} inputs. */
  void share(Map<String, Path> files) {
    for (String name : files.keySet()) {
      if (!name.startsWith("project/")) {
        throw new IllegalArgumentException("a shared file is named project/NAME, got " + name);
      }
    }
    this.shared = Map.copyOf(files);
  }

  /**
   * The arguments of a new job.
   *
   * @throws IllegalArgumentException naming the bad part of the request
   */
  public List<String> argv(User user, String jobId, JsonNode request) {
    String appName = text(request.get("app"), "app");
    AppSpec app =
        catalog
            .app(appName)
            .orElseThrow(() -> new IllegalArgumentException("no app named '" + appName + "'"));
    List<String> argv = new ArrayList<>(app.command());
    JsonNode options = request.get("options");
    if (options != null && !options.isNull() && !options.isObject()) {
      throw new IllegalArgumentException("options must be an object of option: value");
    }
    java.util.Set<String> given = new java.util.HashSet<>();
    if (options != null && options.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = options.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        AppOption o =
            app.option(e.getKey())
                .filter(x -> !x.name().equals("args"))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            app.name() + " has no option '" + e.getKey() + "'"));
        given.add(o.name());
        add(argv, user, jobId, o, e.getValue());
      }
    }
    for (AppOption o : app.options()) {
      if (o.required() && !given.contains(o.name()) && !o.name().equals("args")) {
        if (o.isOutput()) {
          argv.add(o.name() + "=" + runner.outputs(jobId).resolve("out"));
        } else {
          throw new IllegalArgumentException(app.name() + " needs option " + o.name());
        }
      }
    }
    JsonNode args = request.get("args");
    if (args != null && !args.isNull()) {
      AppOption positional =
          app.option("args")
              .orElseThrow(
                  () -> new IllegalArgumentException(app.name() + " takes no positional args"));
      if (!args.isArray()) {
        throw new IllegalArgumentException("args must be a list");
      }
      for (JsonNode a : args) {
        argv.add(
            positional.isInput()
                ? input(user, text(a, "args")).toString()
                : positional(text(a, "args")));
      }
    }
    return argv;
  }

  private void add(List<String> argv, User user, String jobId, AppOption o, JsonNode v) {
    switch (o.type()) {
      case "flag" -> {
        if (!v.isBoolean()) {
          throw new IllegalArgumentException(o.name() + " is a flag: give true or false");
        }
        if (v.asBoolean()) {
          argv.add(o.name());
        }
      }
      case "paths" -> {
        List<JsonNode> values = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(values::add);
        } else {
          values.add(v);
        }
        for (JsonNode one : values) {
          argv.add(o.name() + "=" + pathValue(user, jobId, o, text(one, o.name())));
        }
      }
      case "path" -> argv.add(o.name() + "=" + pathValue(user, jobId, o, text(v, o.name())));
      default -> {
        if (!v.isValueNode() || v.isNull()) {
          throw new IllegalArgumentException(o.name() + " takes one value");
        }
        argv.add(o.name() + "=" + plain(v.asText(), o.name()));
      }
    }
  }

  private String pathValue(User user, String jobId, AppOption o, String value) {
    if (o.isOutput()) {
      return SafePaths.resolve(runner.outputs(jobId), value).toString();
    }
    if (o.isInput()) {
      return input(user, value).toString();
    }
    return plain(value, o.name());
  }

  /** The server path of {@code files/ID} or {@code jobs/ID/PATH}. */
  Path input(User user, String ref) {
    if (ref.startsWith("files/")) {
      String id = ref.substring(6);
      StoredFile f =
          files
              .get(user, id)
              .orElseThrow(() -> new IllegalArgumentException("no file '" + ref + "'"));
      return Path.of(f.path());
    }
    if (ref.startsWith("jobs/")) {
      String rest = ref.substring(5);
      int slash = rest.indexOf('/');
      if (slash < 1) {
        throw new IllegalArgumentException("name a job output as jobs/ID/PATH, got '" + ref + "'");
      }
      String id = rest.substring(0, slash);
      Job j =
          jobs.get(id)
              .filter(x -> user.admin() || x.userId() == user.id())
              .orElseThrow(() -> new IllegalArgumentException("no job '" + id + "'"));
      return SafePaths.resolve(runner.outputs(j.id()), rest.substring(slash + 1));
    }
    if (ref.startsWith("project/")) {
      Path p = shared.get(ref);
      if (p == null) {
        throw new IllegalArgumentException(
            "no project file '" + ref + "'; this server shares " + shared.keySet());
      }
      return p;
    }
    throw new IllegalArgumentException(
        "an input must be files/ID, jobs/ID/PATH or project/NAME, got '" + ref + "'");
  }

  private static String text(JsonNode n, String what) {
    if (n == null || n.isNull() || !n.isValueNode()) {
      throw new IllegalArgumentException("missing or non-text value for " + what);
    }
    return n.asText();
  }

  private static String positional(String v) {
    if (v.startsWith("-")) {
      throw new IllegalArgumentException("args must not start with '-', got '" + v + "'");
    }
    return plain(v, "args");
  }

  private static String plain(String v, String what) {
    if (v.indexOf('\n') >= 0 || v.indexOf('\0') >= 0 || v.length() > 1000) {
      throw new IllegalArgumentException(what + ": value must be one line under 1000 characters");
    }
    return v;
  }
}
