package org.radioclr.app;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.table.ScoreTable;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;
import org.radioclr.serve.jobs.AppOption;
import org.radioclr.serve.jobs.AppSpec;
import org.radioclr.serve.jobs.JobService;
import org.radioclr.serve.web.RunForm;

class ServeCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void tokenAddPrintsATokenOnceAndStoresItHashed() throws Exception {
    Path db = dir.resolve("review.sqlite");
    CliRun r = CliRun.of("serve", "token", "add", "alice", "--db", db.toString());
    assertEquals(0, r.exitCode(), r.err());
    String token = r.out().strip();
    assertEquals(43, token.length(), r.out());
    try (Database d = Database.open(db)) {
      assertEquals("alice", new Users(d).byToken(token).orElseThrow().name());
    }
    assertTrue(!Files.readString(db, java.nio.charset.StandardCharsets.ISO_8859_1).contains(token));
    CliRun bad = CliRun.of("serve", "token", "add", "../x", "--db", db.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("NAME must be"), bad.err());
    CliRun noInputs = CliRun.of("serve", "--db", db.toString());
    assertEquals(2, noInputs.exitCode());
    assertTrue(noInputs.err().contains("needs --scores and --datalist"), noInputs.err());
  }

  @Test
  void appSchemaComesFromThePicocliCommands() {
    ServeApps apps = new ServeApps();
    AppSpec score = apps.app("anomaly-score").orElseThrow();
    assertEquals(List.of("anomaly", "score"), score.command());
    AppOption features = score.option("--features").orElseThrow();
    assertEquals("path", features.type());
    assertEquals("input", features.role());
    assertEquals("output", score.option("--out").orElseThrow().role());
    assertEquals("int", score.option("--trees").orElseThrow().type());
    AppSpec hulk = apps.app("cutouts-hulk").orElseThrow();
    assertEquals("paths", hulk.option("args").orElseThrow().type());
    assertEquals("input", hulk.option("args").orElseThrow().role());
    assertEquals(
        "flag", apps.app("simulate").orElseThrow().option("--no-sets").orElseThrow().type());
    assertTrue(apps.app("serve").isEmpty());
    assertTrue(apps.apps().stream().noneMatch(a -> a.name().startsWith("bench")));
    assertTrue(apps.processCommand(List.of("info")).contains(Main.class.getName()));
  }

  @Test
  void theReviewsRunFormsFitTheRealApps() {
    ServeApps apps = new ServeApps();
    for (RunForm f : RunForm.review()) {
      AppSpec app = apps.app(f.app()).orElseThrow(() -> new AssertionError("no app " + f.app()));
      for (var e : f.fixed().entrySet()) {
        AppOption o =
            app.option(e.getKey()).orElseThrow(() -> new AssertionError(f.app() + e.getKey()));
        if (o.isInput()) {
          assertTrue(e.getValue().toString().startsWith("project/"), f.app() + " " + o.name());
        }
      }
      for (RunForm.Field field : f.fields()) {
        AppOption o =
            app.option(field.option())
                .orElseThrow(() -> new AssertionError(f.app() + field.option()));
        assertEquals(o.type(), field.type(), f.app() + " " + o.name());
        assertEquals("value", o.role(), f.app() + " " + o.name());
      }
      for (AppOption o : app.options()) {
        if (o.required()) {
          assertTrue(
              f.fixed().containsKey(o.name())
                  || f.fields().stream().anyMatch(x -> x.option().equals(o.name())),
              f.app() + " needs " + o.name());
        }
      }
    }
  }

  @Test
  void theDemoPrintsOneCommandThatOpensItsOwnResults() throws Exception {
    Path demo = dir.resolve("my demo"); // a space: the paths must come out quoted
    assertTrue(DemoCommand.serveCommand(demo).isEmpty(), "no search, no command");
    Path anomaly = Files.createDirectories(demo.resolve("anomaly"));
    Files.writeString(anomaly.resolve("scores.parquet"), "");
    String line = DemoCommand.serveCommand(demo).orElseThrow();
    assertTrue(!line.contains("--projection"), "no UMAP, no --projection: " + line);
    Files.writeString(anomaly.resolve("umap.csv"), "");
    String launcher = System.getProperty("radioclr.launcher");
    System.setProperty("radioclr.launcher", "/opt/radioclr/radioclr");
    try {
      line = DemoCommand.serveCommand(demo).orElseThrow();
    } finally {
      if (launcher == null) {
        System.clearProperty("radioclr.launcher");
      } else {
        System.setProperty("radioclr.launcher", launcher);
      }
    }
    String[] parts = line.split(" && ");
    assertEquals(2, parts.length, line);
    assertTrue(parts[0].startsWith("/opt/radioclr/radioclr serve token add "), line);
    assertTrue(parts[1].startsWith("/opt/radioclr/radioclr serve "), line);
    String abs = demo.toAbsolutePath().toString();
    for (String[] option :
        new String[][] {
          {"--scores", abs + "/anomaly/scores.parquet"},
          {"--features", abs + "/features.parquet"},
          {"--datalist", abs + "/simulation/sets/anomaly/datalist.json"},
          {"--projection", abs + "/anomaly/umap.csv"},
          {"--db", abs + "/review.sqlite"}
        }) {
      assertTrue(parts[1].contains(" " + option[0] + " '" + option[1] + "'"), option[0] + line);
    }
  }

  /** A review project of two frames, for the server to start on. */
  private Path[] project() throws Exception {
    StringBuilder dl = new StringBuilder("{\"data\": [");
    for (int i = 0; i < 2; i++) {
      float[] px = new float[16 * 16];
      for (int k = 0; k < px.length; k++) {
        px[k] = (float) Math.sin(k + i);
      }
      FitsWriter.write(
          dir.resolve("f" + i + ".fits"),
          new Plane(16, 16, px),
          FitsCards.create().tanSky(10, 20, 8, 8, 0.001));
      dl.append(i > 0 ? "," : "")
          .append("{\"filepaths\": [\"f" + i + ".fits\"], \"sname\": \"f" + i + "\"}");
    }
    Path datalist = Files.writeString(dir.resolve("d.json"), dl.append("]}").toString());
    Path scores = Files.writeString(dir.resolve("s.csv"), "sname,score\nf0,0.9\nf1,0.1\n");
    return new Path[] {scores, datalist};
  }

  /**
   * The paper's pipeline as jobs of the REST API, each a separate radioclr process: a random
   * checkpoint, a simulated map, hulk cutouts, features, anomaly scores; then the score table is
   * fetched and read.
   */
  @Test
  @Tag("slow")
  void pipelineRunsAsJobsThroughTheApi() throws Exception {
    Path[] p = project();
    Database db = Database.open(dir.resolve("review.sqlite"));
    String token = new Users(db).addOrRenew("alice", false);
    JobService jobs =
        new JobService(db, new ServeApps(), dir.resolve("data"), 2, 1 << 20, List.of());
    try (ServeServer server =
        ServeServer.start(
            new ServeConfig(p[0], null, p[1], "127.0.0.1", 0, dir.resolve("tmp"), 1),
            db,
            List.of(jobs))) {
      Api api = new Api(server.port(), token);
      String model =
          api.run("{\"app\":\"model-init\",\"options\":{\"--out\":\"model\",\"--image-size\":32}}");
      String sim =
          api.run(
              "{\"app\":\"simulate\",\"options\":{\"--out\":\"sim\",\"--preset\":\"tiny\","
                  + "\"--no-sets\":true,\"--seed\":3}}");
      String cut =
          api.run(
              "{\"app\":\"cutouts-hulk\",\"options\":{\"--out\":\"hulk\",\"--size\":64,"
                  + "\"--step\":64},\"args\":[\"jobs/"
                  + sim
                  + "/sim/field-000/map.fits\"]}");
      String feat =
          api.run(
              "{\"app\":\"features\",\"options\":{\"--model\":\"jobs/"
                  + model
                  + "/model\",\"--datalist\":\"jobs/"
                  + cut
                  + "/hulk/datalist.json\",\"--out\":\"features.parquet\"}}");
      String score =
          api.run(
              "{\"app\":\"anomaly-score\",\"options\":{\"--features\":\"jobs/"
                  + feat
                  + "/features.parquet\",\"--out\":\"scores.csv\"}}");
      HttpResponse<String> csv = api.get("/api/v1/jobs/" + score + "/outputs/scores.csv");
      assertEquals(200, csv.statusCode());
      Path local = Files.writeString(dir.resolve("scores.csv"), csv.body());
      int frames =
          JSON.readTree(api.get("/api/v1/jobs/" + cut + "/outputs/hulk/datalist.json").body())
              .get("data")
              .size();
      assertTrue(frames > 10, "frames cut: " + frames);
      assertEquals(frames, ScoreTable.read(local).size(), "one score per frame cut");
    }
  }

  /** A small client of the job API. */
  record Api(int port, String token) {
    HttpResponse<String> get(String path) throws Exception {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }

    /** Submits a job, waits for it to end, and returns its id; fails with its log if it fails. */
    String run(String request) throws Exception {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs"))
                      .header("Authorization", "Bearer " + token)
                      .POST(HttpRequest.BodyPublishers.ofString(request))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(202, r.statusCode(), r.body());
      String id = JSON.readTree(r.body()).get("id").asText();
      Instant until = Instant.now().plus(Duration.ofMinutes(5));
      while (Instant.now().isBefore(until)) {
        JsonNode j = JSON.readTree(get("/api/v1/jobs/" + id).body());
        String state = j.get("state").asText();
        if (state.equals("done")) {
          return id;
        }
        if (!state.equals("queued") && !state.equals("running")) {
          throw new AssertionError(
              request + " " + state + ":\n" + get("/api/v1/jobs/" + id + "/log").body());
        }
        Thread.sleep(200);
      }
      throw new AssertionError(request + " did not end");
    }
  }
}
