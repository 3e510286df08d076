package org.radioclr.serve.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;

/** The job service over HTTP, with a stand-in app: files, jobs, cancel, restart, security. */
class JobServiceTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  ServeServer server;
  ReviewFixture fixture;
  String alice;
  String bob;
  String admin;
  Path allowed;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() throws Exception {
    fixture = ReviewFixture.make(dir.resolve("project"), 6);
    allowed = Files.createDirectories(dir.resolve("survey"));
    try (Database db = Database.open(dir.resolve("review.sqlite"))) {
      Users users = new Users(db);
      alice = users.addOrRenew("alice", false);
      bob = users.addOrRenew("bob", false);
      admin = users.addOrRenew("root", true);
    }
    start(1);
  }

  void start(int workers) {
    Database db = Database.open(dir.resolve("review.sqlite"));
    JobService jobs =
        new JobService(db, new FakeCatalog(), dir.resolve("data"), workers, 4096, List.of(allowed));
    server =
        ServeServer.start(
            new ServeConfig(
                fixture.scores(), null, fixture.datalist(), "127.0.0.1", 0, dir.resolve("tmp"), 1),
            db,
            List.of(jobs));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> send(String method, String path, String token, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  String upload(String token, String name, byte[] content) throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/files?name=" + name, token, content);
    assertEquals(201, r.statusCode(), r.body());
    return json(r).get("ref").asText();
  }

  JsonNode submit(String token, String request) throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/jobs", token, request.getBytes());
    assertEquals(202, r.statusCode(), r.body());
    return json(r);
  }

  JsonNode await(String token, String id, String state) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(until)) {
      JsonNode j = json(send("GET", "/api/v1/jobs/" + id, token, null));
      if (j.get("state").asText().equals(state)) {
        return j;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " never reached " + state);
  }

  @Test
  void uploadRunFetchOutputsAndChainJobs() throws Exception {
    String ref = upload(alice, "d.json", "{\"data\": []}".getBytes());
    JsonNode job =
        submit(
            alice,
            "{\"app\":\"copy\",\"options\":{\"--in\":\""
                + ref
                + "\",\"--out\":\"sub/copy.json\"}}");
    assertEquals("queued", job.get("state").asText());
    String id = job.get("id").asText();
    JsonNode done = await(alice, id, "done");
    assertEquals(0, done.get("exit_code").asInt());
    assertEquals(1.0, done.get("progress").asDouble());
    JsonNode outs = json(send("GET", "/api/v1/jobs/" + id + "/outputs", alice, null));
    assertEquals("sub/copy.json", outs.get(0).get("path").asText());
    assertEquals(
        "{\"data\": []}",
        send("GET", "/api/v1/jobs/" + id + "/outputs/sub/copy.json", alice, null).body());
    assertTrue(send("GET", "/api/v1/jobs/" + id + "/log", alice, null).body().contains("100%"));
    HttpResponse<byte[]> zip =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + "/outputs.zip"))
                .header("Authorization", "Bearer " + alice)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      assertEquals("sub/copy.json", z.getNextEntry().getName());
    }
    // a second job reads the first one's output
    JsonNode second =
        submit(
            alice,
            "{\"app\":\"copy\",\"options\":{\"--in\":\"jobs/"
                + id
                + "/sub/copy.json\",\"--out\":\"again.json\"}}");
    await(alice, second.get("id").asText(), "done");
    // a failing job is reported with its exit code
    JsonNode failed =
        await(alice, submit(alice, "{\"app\":\"fail\"}").get("id").asText(), "failed");
    assertEquals(3, failed.get("exit_code").asInt());
  }

  @Test
  void cancelARunningJobAndRestartWithJobsQueued() throws Exception {
    String running =
        submit(alice, "{\"app\":\"sleep\",\"options\":{\"--seconds\":60}}").get("id").asText();
    await(alice, running, "running");
    String queued =
        submit(alice, "{\"app\":\"sleep\",\"options\":{\"--seconds\":0}}").get("id").asText();
    HttpResponse<String> c = send("POST", "/api/v1/jobs/" + running + "/cancel", alice, null);
    assertEquals(200, c.statusCode(), c.body());
    assertEquals("cancelled", json(c).get("state").asText());
    assertEquals(
        409, send("POST", "/api/v1/jobs/" + running + "/cancel", alice, null).statusCode());
    await(alice, queued, "done");

    // a job queued behind a long one survives a restart; the long one, killed with the server,
    // is marked failed rather than lost
    String longJob =
        submit(alice, "{\"app\":\"sleep\",\"options\":{\"--seconds\":60}}").get("id").asText();
    await(alice, longJob, "running");
    String waiting =
        submit(alice, "{\"app\":\"sleep\",\"options\":{\"--seconds\":0}}").get("id").asText();
    server.close();
    server = null;
    start(1);
    JsonNode lost = await(alice, longJob, "failed");
    assertTrue(lost.get("message").asText().contains("server stopped"), lost.toString());
    await(alice, waiting, "done");
  }

  @Test
  void securityChecks() throws Exception {
    // no token, wrong token
    assertEquals(401, send("GET", "/api/v1/jobs", null, null).statusCode());
    assertEquals(
        401, send("POST", "/api/v1/files?name=a.json", "bad", "{}".getBytes()).statusCode());
    // names with paths, wrong types, oversize
    HttpResponse<String> trav =
        send("POST", "/api/v1/files?name=../x.json", alice, "{}".getBytes());
    assertEquals(400, trav.statusCode());
    assertTrue(json(trav).get("error").asText().contains("file name"), trav.body());
    assertEquals(
        415, send("POST", "/api/v1/files?name=x.sh", alice, "echo".getBytes()).statusCode());
    HttpResponse<String> notFits =
        send("POST", "/api/v1/files?name=m.fits", alice, "hello".getBytes());
    assertEquals(415, notFits.statusCode());
    assertTrue(json(notFits).get("error").asText().contains("not fits"), notFits.body());
    HttpResponse<String> big = send("POST", "/api/v1/files?name=big.csv", alice, new byte[5000]);
    assertEquals(413, big.statusCode(), big.body());
    assertEquals(0, json(send("GET", "/api/v1/files", alice, null)).size());
    // inputs must be the user's own files; outputs stay in the job folder
    String ref = upload(alice, "d.json", "{}".getBytes());
    HttpResponse<String> other =
        send(
            "POST",
            "/api/v1/jobs",
            bob,
            ("{\"app\":\"copy\",\"options\":{\"--in\":\"" + ref + "\",\"--out\":\"x\"}}")
                .getBytes());
    assertEquals(400, other.statusCode());
    for (String out : List.of("../../x", "/etc/x", "a/../../x")) {
      HttpResponse<String> r =
          send(
              "POST",
              "/api/v1/jobs",
              alice,
              ("{\"app\":\"copy\",\"options\":{\"--in\":\""
                      + ref
                      + "\",\"--out\":\""
                      + out
                      + "\"}}")
                  .getBytes());
      assertEquals(400, r.statusCode(), out);
    }
    HttpResponse<String> unknown =
        send(
            "POST",
            "/api/v1/jobs",
            alice,
            "{\"app\":\"sleep\",\"options\":{\"--rm\":1}}".getBytes());
    assertEquals(400, unknown.statusCode());
    // bob sees neither alice's file nor her jobs
    String id = submit(alice, "{\"app\":\"fail\"}").get("id").asText();
    assertEquals(404, send("GET", "/api/v1/jobs/" + id, bob, null).statusCode());
    assertEquals(404, send("GET", "/api/v1/files/" + ref.substring(6), bob, null).statusCode());
    assertEquals(0, json(send("GET", "/api/v1/jobs", bob, null)).size());
    assertEquals(1, json(send("GET", "/api/v1/jobs", admin, null)).size());
    // registering server paths: admins only, under the allowed folder, no symlinks out
    Files.writeString(allowed.resolve("cat.csv"), "a,b\n1,2\n");
    Path outside = Files.writeString(dir.resolve("secret.csv"), "x\n");
    Files.createSymbolicLink(allowed.resolve("link.csv"), outside);
    String reg = "{\"path\":\"" + allowed.resolve("cat.csv") + "\"}";
    assertEquals(403, send("POST", "/api/v1/files/register", alice, reg.getBytes()).statusCode());
    assertEquals(201, send("POST", "/api/v1/files/register", admin, reg.getBytes()).statusCode());
    String link = "{\"path\":\"" + allowed.resolve("link.csv") + "\"}";
    assertEquals(400, send("POST", "/api/v1/files/register", admin, link.getBytes()).statusCode());
    String dots = "{\"path\":\"" + allowed + "/../secret.csv\"}";
    assertEquals(400, send("POST", "/api/v1/files/register", admin, dots.getBytes()).statusCode());
    // deleting
    assertEquals(
        204, send("DELETE", "/api/v1/files/" + ref.substring(6), alice, null).statusCode());
    assertEquals(404, send("GET", "/api/v1/files/" + ref.substring(6), alice, null).statusCode());
    // the OpenAPI document needs no token
    HttpResponse<String> api = send("GET", "/api/v1/openapi.yaml", null, null);
    assertEquals(200, api.statusCode());
    assertTrue(api.body().startsWith("openapi: 3"));
  }
}
