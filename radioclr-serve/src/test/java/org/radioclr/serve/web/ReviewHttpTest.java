package org.radioclr.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.formats.table.ScoreTable;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;

/** The review over HTTP: auth, ratings, per-user access, retraining, export read back. */
class ReviewHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  ServeServer server;
  String alice;
  String bob;
  String admin;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    ReviewFixture f = ReviewFixture.make(dir, 30);
    Database db = Database.open(dir.resolve("review.sqlite"));
    Users users = new Users(db);
    alice = users.addOrRenew("alice", false);
    bob = users.addOrRenew("bob", false);
    admin = users.addOrRenew("root", true);
    server =
        ServeServer.start(
            new ServeConfig(
                f.scores(), f.features(), f.datalist(), "127.0.0.1", 0, dir.resolve("tmp"), 1),
            db,
            List.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  List<String> order(String query, String token) throws Exception {
    JsonNode n = JSON.readTree(get("/api/v1/review/order" + query, token).body());
    return n.get("frames").findValuesAsText("sname");
  }

  @Test
  void requestsWithoutOrWithAWrongTokenAreRefused() throws Exception {
    HttpResponse<String> none = get("/api/v1/review/states", null);
    assertEquals(401, none.statusCode());
    assertTrue(JSON.readTree(none.body()).get("error").asText().contains("token"));
    assertEquals(401, get("/api/v1/review/states", "nope").statusCode());
    assertEquals(401, post("/api/v1/review/ratings", "nope", "{}").statusCode());
    // pages and images send a browser to the login page instead
    assertEquals(302, get("/img/fr000/rgb", null).statusCode());
    HttpResponse<String> page = get("/", null);
    assertEquals(302, page.statusCode());
    assertEquals("/login", page.headers().firstValue("Location").orElse(""));
  }

  @Test
  void ratingsAreStoredPerUserAndOnlyAnAdminSeesOthers() throws Exception {
    HttpResponse<String> r =
        post("/api/v1/review/ratings", alice, "{\"sname\":\"fr003\",\"rating\":4}");
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(4, JSON.readTree(r.body()).get("state").get("rating").asInt());
    assertEquals(
        400,
        post("/api/v1/review/ratings", alice, "{\"sname\":\"fr003\",\"rating\":9}").statusCode());
    assertEquals(
        404,
        post("/api/v1/review/ratings", alice, "{\"sname\":\"../etc\",\"rating\":1}").statusCode());
    JsonNode bobs = JSON.readTree(get("/api/v1/review/states", bob).body());
    assertTrue(bobs.get("states").isEmpty());
    assertEquals(403, get("/api/v1/review/states?as=alice", bob).statusCode());
    JsonNode seen = JSON.readTree(get("/api/v1/review/states?as=alice", admin).body());
    assertEquals(4, seen.get("states").get("fr003").get("rating").asInt());
    // undo takes it back
    post("/api/v1/review/undo", alice, "{}");
    assertTrue(JSON.readTree(get("/api/v1/review/states", alice).body()).get("states").isEmpty());
  }

  @Test
  void retrainingMovesThePeculiarFramesAboveTheArtefacts() throws Exception {
    List<String> raw = order("", alice);
    assertEquals("fr000", raw.get(0));
    for (int i : new int[] {0, 3, 6}) {
      post(
          "/api/v1/review/ratings",
          alice,
          "{\"sname\":\"" + ReviewFixture.sname(i) + "\",\"rating\":0}");
    }
    for (int i : new int[] {1, 4}) {
      post(
          "/api/v1/review/ratings",
          alice,
          "{\"sname\":\"" + ReviewFixture.sname(i) + "\",\"rating\":5}");
    }
    HttpResponse<String> t = post("/api/v1/review/retrain", alice, "{}");
    assertEquals(200, t.statusCode(), t.body());
    List<String> learned = order("?mode=learned", alice);
    assertEquals(raw.size(), learned.size());
    // the ten PECULIAR frames (rows 3k+1) now come first
    for (int k = 0; k < 10; k++) {
      int row = Integer.parseInt(learned.get(k).substring(2));
      assertEquals(1, row % 3, "rank " + k + ": " + learned);
    }
    // unrated first puts the five rated frames last
    List<String> unrated = order("?mode=learned&unrated=1", alice);
    assertTrue(
        List.of("fr000", "fr003", "fr006", "fr001", "fr004").containsAll(unrated.subList(25, 30)));
    // bob has not trained: his learned order is the raw one
    assertEquals(raw, order("?mode=learned", bob));
  }

  @Test
  void exportIsAScoreTableThatReadsBack() throws Exception {
    post("/api/v1/review/ratings", alice, "{\"sname\":\"fr001\",\"rating\":5}");
    post("/api/v1/review/tags", alice, "{\"sname\":\"fr001\",\"tag\":\"PECULIAR\"}");
    post("/api/v1/review/ratings", alice, "{\"sname\":\"fr002\",\"rating\":2}");
    HttpResponse<String> csv = get("/api/v1/review/export.csv", alice);
    assertEquals(200, csv.statusCode(), csv.body());
    Path file = dir.resolve("rated.csv");
    Files.writeString(file, csv.body());
    ScoreTable t = ScoreTable.read(file);
    assertEquals(List.of("fr001", "fr002"), t.snames());
    assertEquals("5", t.extra("rating").orElseThrow().get(0));
    assertEquals("PECULIAR", t.extra("tags").orElseThrow().get(0));
    HttpResponse<String> reg = get("/api/v1/review/export.reg", alice);
    assertTrue(reg.body().contains("polygon("), reg.body());
    HttpResponse<String> vot = get("/api/v1/review/export.vot", alice);
    assertTrue(vot.body().contains("<VOTABLE"), vot.body());
    assertEquals(404, get("/api/v1/review/export.exe", alice).statusCode());
  }

  @Test
  void imagesAndPagesAreServed() throws Exception {
    HttpResponse<byte[]> png =
        http.send(
            HttpRequest.newBuilder(uri("/img/fr002/rgb"))
                .header("Authorization", "Bearer " + alice)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode());
    assertEquals((byte) 0x89, png.body()[0]);
    assertEquals('P', png.body()[1]);
    for (String v : List.of("ch1", "ch2", "ch3", "zscale", "asinh", "linear")) {
      assertEquals(200, get("/img/fr002/" + v, alice).statusCode(), v);
    }
    assertEquals(404, get("/img/fr002/evil", alice).statusCode());
    assertEquals(404, get("/img/..%2F..%2Fetc/rgb", alice).statusCode());
    HttpResponse<String> detail = get("/frame/fr002", alice);
    assertEquals(200, detail.statusCode());
    assertTrue(detail.body().contains("ned.ipac.caltech.edu"), detail.body());
    assertTrue(detail.body().contains("10:00:0"), "sexagesimal RA of 150 deg");
    HttpResponse<String> grid = get("/?smin=0.5", alice);
    assertTrue(grid.body().contains("data-sname=\"fr000\""));
    assertTrue(!grid.body().contains("data-sname=\"fr002\""), "fr002 scores below 0.5");
    assertEquals(200, get("/fits/fr002", alice).statusCode());
    // similar to this: the nearest frames in feature space are of the same cluster
    JsonNode similar = JSON.readTree(get("/api/v1/review/similar/fr001", alice).body());
    assertEquals(8, similar.size());
    for (JsonNode n : similar) {
      assertEquals(
          1, Integer.parseInt(n.get("sname").asText().substring(2)) % 3, similar.toString());
    }
    assertTrue(detail.body().contains("id=\"similar\""));
    // the embedding: one dot per frame, each a link to the frame
    HttpResponse<String> map = get("/map", alice);
    assertEquals(200, map.statusCode(), map.body());
    assertEquals(30, map.body().split("class=\"dot\"", -1).length - 1);
    assertTrue(map.body().contains("href=\"/frame/fr029\""));
  }
}
