package org.radioclr.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;
import org.radioclr.serve.jobs.FakeCatalog;
import org.radioclr.serve.jobs.JobService;

/**
 * Read-only access without a token ({@code --public-read}): off, nothing is served without a token;
 * on, GETs are (without anyone's ratings or jobs) and every write still needs a token.
 */
class PublicReadTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  ServeServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "public read {0}")
  @ValueSource(booleans = {false, true})
  void readsWithoutATokenOnlyWhenAllowedAndWritesNever(boolean publicRead) throws Exception {
    ReviewFixture f = ReviewFixture.make(dir, 12);
    Database db = Database.open(dir.resolve("review.sqlite"));
    String alice = new Users(db).addOrRenew("alice", false);
    JobService jobs =
        new JobService(db, new FakeCatalog(), dir.resolve("data"), 1, 4096, List.of());
    server =
        ServeServer.start(
            new ServeConfig(
                    f.scores(), f.features(), f.datalist(), "127.0.0.1", 0, dir.resolve("tmp"), 1)
                .withPublicRead(publicRead),
            db,
            List.of(jobs));
    // alice rates a frame and submits a job, with her token: the same in both settings
    assertEquals(
        201,
        send("POST", "/api/v1/review/ratings", alice, "{\"sname\":\"fr001\",\"rating\":4}")
            .statusCode());
    assertEquals(202, send("POST", "/api/v1/jobs", alice, "{\"app\":\"fail\"}").statusCode());
    assertEquals(1, JSON.readTree(send("GET", "/api/v1/jobs", alice, null).body()).size());

    List<String> reads =
        List.of("/", "/frame/fr001", "/map", "/img/fr001/rgb", "/fits/fr001", "/api/v1/apps");
    if (!publicRead) {
      for (String path : reads) {
        HttpResponse<String> r = send("GET", path, null, null);
        if (path.startsWith("/api/")) {
          assertEquals(401, r.statusCode(), path);
        } else {
          assertEquals(302, r.statusCode(), path);
          assertEquals("/login", r.headers().firstValue("Location").orElse(""), path);
        }
      }
      assertEquals(401, send("GET", "/api/v1/review/order", null, null).statusCode());
    } else {
      for (String path : reads) {
        assertEquals(200, send("GET", path, null, null).statusCode(), path);
      }
      HttpResponse<String> page = send("GET", "/frame/fr001", null, null);
      assertTrue(page.body().contains("anonymous (read only)"), page.body());
      assertTrue(page.body().contains("data-readonly=\"1\""), page.body());
      JsonNode order = JSON.readTree(send("GET", "/api/v1/review/order", null, null).body());
      assertEquals("raw", order.get("mode").asText());
      assertEquals(12, order.get("frames").size());
      // no one's ratings, files or jobs
      JsonNode states = JSON.readTree(send("GET", "/api/v1/review/states", null, null).body());
      assertEquals(0, states.get("states").size(), states.toString());
      assertEquals(403, send("GET", "/api/v1/review/states?as=alice", null, null).statusCode());
      assertEquals("[]", send("GET", "/api/v1/jobs", null, null).body());
      assertEquals("[]", send("GET", "/api/v1/files", null, null).body());
      // a wrong token is refused, not taken for no token
      assertEquals(401, send("GET", "/api/v1/review/order", "wrong", null).statusCode());
    }
    // writes need a token in both settings
    assertEquals(
        401,
        send("POST", "/api/v1/review/ratings", null, "{\"sname\":\"fr001\",\"rating\":0}")
            .statusCode());
    assertEquals(401, send("POST", "/api/v1/review/undo", null, "{}").statusCode());
    assertEquals(401, send("POST", "/api/v1/jobs", null, "{\"app\":\"fail\"}").statusCode());
    assertEquals(
        401, send("POST", "/api/v1/files?name=d.json", null, "{\"data\":[]}").statusCode());
    HttpResponse<String> retrain = send("POST", "/retrain", null, null);
    assertEquals(302, retrain.statusCode());
    assertEquals("/login", retrain.headers().firstValue("Location").orElse(""));
    // and nothing changed
    JsonNode mine = JSON.readTree(send("GET", "/api/v1/review/states", alice, null).body());
    assertEquals(4, mine.get("states").get("fr001").get("rating").asInt());
    assertEquals(1, JSON.readTree(send("GET", "/api/v1/jobs", alice, null).body()).size());
  }
}
