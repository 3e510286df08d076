package org.radioclr.serve.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.radioclr.core.RadioclrException;
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

  /** The form field of an upload. */
  public static final String FILE_FIELD = "file";

  /** Room for the form's own bytes (boundaries, part headers) above the file's size limit. */
  private static final long FORM_OVERHEAD = 64 * 1024;

  private final AppCatalog catalog;
  private final FileStore files;
  private final JobStore jobs;
  private final JobRunner runner;
  private final JobRequests requests;
  private final Path incoming;

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
    this.incoming = dataDir.resolve("incoming");
    this.jobs = new JobStore(db);
    Path jobsDir = dataDir.resolve("jobs");
    try {
      Files.createDirectories(jobsDir);
      Files.createDirectories(incoming);
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

  /**
   * {@code POST /api/v1/files}: a {@code multipart/form-data} form with one file in the field
   * {@value #FILE_FIELD} (named by its file name, or {@code ?name=}), or the raw body with {@code
   * ?name=NAME}. Either way the size limit and the type check by content apply (413, 415), and a
   * name with a path in it is refused (400).
   */
  private void upload(Context ctx) throws IOException {
    User user = Auth.writer(ctx);
    String type = ctx.contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      ctx.status(201).json(fileJson(multipart(ctx, user)));
      return;
    }
    String name = ctx.queryParam("name");
    if (name == null) {
      throw new IllegalArgumentException(
          "give the file name as ?name=NAME, or send a multipart/form-data form with the file in"
              + " the field '"
              + FILE_FIELD
              + "'");
    }
    SafePaths.fileName(name);
    try (InputStream body = ctx.bodyInputStream()) {
      ctx.status(201).json(fileJson(files.upload(user, name, body)));
    }
  }

  private StoredFile multipart(Context ctx, User user) throws IOException {
    long limit = files.maxBytes();
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit + FORM_OVERHEAD) {
      throw new FileStore.TooLargeException(
          "upload of "
              + declared
              + " bytes exceeds the limit of "
              + limit
              + " bytes (--max-upload-mb)");
    }
    // Jetty parses the form into this folder, holding at most FORM_OVERHEAD per part in memory
    ctx.req()
        .setAttribute(
            MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
            new MultipartConfigElement(
                incoming.toString(), limit, limit + FORM_OVERHEAD, (int) FORM_OVERHEAD));
    List<UploadedFile> parts;
    try {
      parts = ctx.uploadedFiles(FILE_FIELD);
    } catch (Exception e) { // Jetty's parse errors come through Kotlin unchecked, or wrapped
      throw formProblem(e, limit);
    }
    if (parts.size() != 1) {
      throw new IllegalArgumentException(
          "send exactly one file in the form field '"
              + FILE_FIELD
              + "', got "
              + parts.size()
              + (ctx.uploadedFiles().isEmpty() ? "" : " (other fields: " + fieldNames(ctx) + ")"));
    }
    UploadedFile part = parts.get(0);
    String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : part.filename();
    SafePaths.fileName(name);
    try (InputStream in = part.content()) {
      return files.upload(user, name, in);
    }
  }

  private static String fieldNames(Context ctx) {
    return ctx.uploadedFileMap().keySet().toString();
  }

  /** A clear error for a form Jetty could not parse: over the limit (413) or malformed (400). */
  private static RuntimeException formProblem(Exception e, long limit) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("size") || m.contains("too large") || m.contains("exceed")) {
        return new FileStore.TooLargeException(
            "upload exceeds the limit of " + limit + " bytes (--max-upload-mb)");
      }
    }
    return new IllegalArgumentException(
        "the multipart/form-data body cannot be read: " + RadioclrException.describe(e));
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
  public void shareProjectFiles(Map<String, Path> shared) {
    requests.share(shared);
  }

  @Override
  public boolean runsJobs() {
    return true;
  }

  @Override
  public void close() {
    runner.close();
  }
}
