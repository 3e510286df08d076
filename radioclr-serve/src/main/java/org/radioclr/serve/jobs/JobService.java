package org.radioclr.serve.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.radioclr.serve.RouteModule;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.User;
import org.radioclr.serve.web.Auth;

/**
 * The REST job service under {@code /api/v1} (described in {@code openapi.yaml}): apps, files,
 * jobs. A user sees and touches only their own files and jobs; an admin sees all and may register
 * server paths.
 */
public final class JobService implements RouteModule {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AppCatalog catalog;
  private final FileStore files;
  private final JobStore jobs;
  private final JobRunner runner;
  private final JobRequests requests;

  /**
   * @param dataDir the server's data folder ({@code files/} and {@code jobs/} go there)
   * @param workers jobs run at once
   * @param maxUpload largest upload in bytes
   * @param allowedRoots server folders an admin may register files under
   */
  public JobService(
      Database db,
      AppCatalog catalog,
      Path dataDir,
      int workers,
      long maxUpload,
      List<Path> allowedRoots) {
    this.catalog = catalog;
    this.files = new FileStore(db, dataDir.resolve("files"), maxUpload, allowedRoots);
    this.jobs = new JobStore(db);
    Path jobsDir = dataDir.resolve("jobs");
    try {
      Files.createDirectories(jobsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + jobsDir, e);
    }
    this.runner = new JobRunner(jobs, catalog, jobsDir, workers);
    this.requests = new JobRequests(catalog, files, jobs, runner);
    runner.start();
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/api/v1/openapi.yaml", JobService::openapi);
    r.get("/api/v1/apps", ctx -> ctx.json(catalog.apps()));
    r.get(
        "/api/v1/apps/{name}",
        ctx ->
            ctx.json(
                catalog
                    .app(ctx.pathParam("name"))
                    .orElseThrow(
                        () ->
                            new HttpResponseException(
                                404, "no app named '" + ctx.pathParam("name") + "'"))));
    r.post("/api/v1/files", this::upload);
    r.post("/api/v1/files/register", this::registerPath);
    r.get(
        "/api/v1/files",
        ctx -> ctx.json(files.list(Auth.user(ctx)).stream().map(JobService::fileJson).toList()));
    r.get("/api/v1/files/{id}", ctx -> ctx.json(fileJson(file(ctx))));
    r.delete("/api/v1/files/{id}", this::deleteFile);
    r.post("/api/v1/jobs", this::submit);
    r.get("/api/v1/jobs", this::listJobs);
    r.get("/api/v1/jobs/{id}", ctx -> ctx.json(jobJson(job(ctx))));
    r.get("/api/v1/jobs/{id}/log", this::log);
    r.post("/api/v1/jobs/{id}/cancel", this::cancel);
    r.get("/api/v1/jobs/{id}/outputs", this::outputs);
    r.get("/api/v1/jobs/{id}/outputs.zip", this::zip);
    r.get("/api/v1/jobs/{id}/outputs/<path>", this::output);
  }

  private static void openapi(Context ctx) throws IOException {
    try (InputStream in = JobService.class.getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new HttpResponseException(404, "no OpenAPI document in this build");
      }
      ctx.contentType("application/yaml").result(in.readAllBytes());
    }
  }

  private void upload(Context ctx) throws IOException {
    User user = Auth.writer(ctx);
    String name = ctx.queryParam("name");
    if (name == null) {
      throw new IllegalArgumentException("give the file name as ?name=NAME");
    }
    SafePaths.fileName(name);
    try (InputStream body = ctx.bodyInputStream()) {
      ctx.status(201).json(fileJson(files.upload(user, name, body)));
    }
  }

  private void registerPath(Context ctx) throws IOException {
    User user = Auth.writer(ctx);
    if (!user.admin()) {
      throw new HttpResponseException(403, "only an admin may register server paths");
    }
    JsonNode body = JSON.readTree(ctx.body());
    if (body == null || body.get("path") == null) {
      throw new IllegalArgumentException("give {\"path\": \"/absolute/server/path\"}");
    }
    ctx.status(201).json(fileJson(files.register(user, body.get("path").asText())));
  }

  private StoredFile file(Context ctx) {
    String id = ctx.pathParam("id");
    return files
        .get(Auth.user(ctx), id)
        .orElseThrow(() -> new HttpResponseException(404, "no file '" + id + "'"));
  }

  private void deleteFile(Context ctx) {
    StoredFile f = file(ctx);
    files.delete(Auth.writer(ctx), f.id());
    ctx.status(204);
  }

  private void submit(Context ctx) throws IOException {
    User user = Auth.writer(ctx);
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new IllegalArgumentException("the request body is not JSON: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("the request body must be a JSON object");
    }
    String id = UUID.randomUUID().toString();
    runner.prepare(id);
    List<String> argv;
    try {
      argv = requests.argv(user, id, body);
    } catch (RuntimeException e) {
      runner.discard(id);
      throw e;
    }
    Job job = jobs.insert(id, user.id(), body.get("app").asText(), argv, body);
    runner.submit(job);
    ctx.status(202).header("Location", "/api/v1/jobs/" + id).json(jobJson(job));
  }

  private void listJobs(Context ctx) {
    User user = Auth.user(ctx);
    ctx.json(jobs.list(user.admin() ? -1 : user.id()).stream().map(this::jobJson).toList());
  }

  private Job job(Context ctx) {
    User user = Auth.user(ctx);
    String id = ctx.pathParam("id");
    return jobs.get(id)
        .filter(j -> user.admin() || j.userId() == user.id())
        .orElseThrow(() -> new HttpResponseException(404, "no job '" + id + "'"));
  }

  private void log(Context ctx) throws IOException {
    Job j = job(ctx);
    Path log = runner.log(j.id());
    ctx.contentType("text/plain; charset=utf-8")
        .result(Files.isRegularFile(log) ? Files.readAllBytes(log) : new byte[0]);
  }

  private void cancel(Context ctx) {
    Auth.writer(ctx);
    Job j = job(ctx);
    boolean cancelled = runner.cancel(j.id());
    if (!cancelled) {
      throw new HttpResponseException(
          409, "job " + j.id() + " has already ended (" + j.state() + ")");
    }
    ctx.json(jobJson(jobs.get(j.id()).orElseThrow()));
  }

  private List<String> outputList(Job j) throws IOException {
    Path out = runner.outputs(j.id());
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .map(p -> out.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private void outputs(Context ctx) throws IOException {
    Job j = job(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (String rel : outputList(j)) {
      out.add(
          Map.of(
              "path",
              rel,
              "size",
              Files.size(runner.outputs(j.id()).resolve(rel)),
              "ref",
              "jobs/" + j.id() + "/" + rel));
    }
    ctx.json(out);
  }

  private void output(Context ctx) {
    Job j = job(ctx);
    Path p = SafePaths.resolve(runner.outputs(j.id()), ctx.pathParam("path"));
    if (!Files.isRegularFile(p)) {
      throw new HttpResponseException(
          404, "job " + j.id() + " has no output '" + ctx.pathParam("path") + "'");
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + p.getFileName() + "\"");
    try {
      ctx.contentType("application/octet-stream").result(Files.newInputStream(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void zip(Context ctx) throws IOException {
    Job j = job(ctx);
    Path out = runner.outputs(j.id());
    List<String> list = outputList(j);
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"job-" + j.id() + ".zip\"");
    OutputStream raw = ctx.outputStream();
    try (ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (String rel : list) {
        zip.putNextEntry(new ZipEntry(rel));
        Files.copy(out.resolve(rel), zip);
        zip.closeEntry();
      }
    }
  }

  private static Map<String, Object> fileJson(StoredFile f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("ref", "files/" + f.id());
    m.put("name", f.name());
    m.put("kind", f.kind());
    m.put("size", f.size());
    m.put("registered", f.registered());
    m.put("created", f.created());
    return m;
  }

  private Map<String, Object> jobJson(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("app", j.app());
    m.put("state", j.state());
    m.put("exit_code", j.exitCode());
    m.put("message", j.message());
    m.put("argv", j.argv());
    m.put("submitted", j.submitted());
    m.put("started", j.started());
    m.put("finished", j.finished());
    var p = runner.progress(j.id());
    m.put(
        "progress",
        j.state().equals("done") ? Double.valueOf(1) : p.isPresent() ? p.getAsDouble() : null);
    return m;
  }

  @Override
  public void close() {
    runner.close();
  }
}
