package org.radioclr.serve.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeChild;

/**
 * {@code kill -9} during a stream of ratings: the server runs in its own JVM and is killed
 * (SIGKILL, no shutdown hook) several times while a client posts ratings; after each restart the
 * client goes on. At the end every rating the server acknowledged (HTTP 201 with an event id) must
 * be in the database with its value. The suite posts {@value #DEFAULT_RATINGS} ratings with {@value
 * #DEFAULT_KILLS} kills; {@code -Dradioclr.serve.durabilityRatings=1000
 * -Dradioclr.serve.durabilityKills=5} runs the size ({@code scripts/serve-measure.sh}).
 */
@Tag("slow")
class DurabilityTest {
  static final int DEFAULT_RATINGS = 300;
  static final int DEFAULT_KILLS = 3;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Child(Process process, int port) {}

  Child start(ReviewFixture f) throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ServeChild.class.getName(),
            f.scores().toString(),
            f.datalist().toString(),
            dir.resolve("review.sqlite").toString(),
            dir.resolve("tmp").toString());
    b.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = b.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        return new Child(p, Integer.parseInt(line.substring(5).strip()));
      }
    }
    throw new IOException("the server child ended before serving");
  }

  @Test
  void everyAcknowledgedRatingSurvivesKillMinus9() throws Exception {
    int total = Integer.getInteger("radioclr.serve.durabilityRatings", DEFAULT_RATINGS);
    int plannedKills = Integer.getInteger("radioclr.serve.durabilityKills", DEFAULT_KILLS);
    ReviewFixture f = ReviewFixture.make(dir, 12);
    String token;
    try (Database db = Database.open(dir.resolve("review.sqlite"))) {
      token = new Users(db).addOrRenew("alice", false);
    }
    HttpClient http = HttpClient.newHttpClient();
    Map<Long, String[]> acked = new HashMap<>();
    int failed = 0;
    int sent = 0;
    int kills = 0;
    long t0 = System.nanoTime();
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
    Child child = null;
    boolean killScheduled = false;
    try {
      while (acked.size() < total) {
        if (child == null) {
          child = start(f);
          killScheduled = false;
        }
        if (!killScheduled
            && kills < plannedKills
            && acked.size() >= total * (kills + 1) / (plannedKills + 1)) {
          // killed from another thread a moment later, while ratings stream in
          Process victim = child.process();
          killer.schedule(() -> victim.destroyForcibly(), 3 + 7L * kills, TimeUnit.MILLISECONDS);
          killScheduled = true;
        }
        String sname = ReviewFixture.sname(sent % 12);
        String rating = String.valueOf(sent % 6);
        sent++;
        try {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + child.port() + "/api/v1/review/ratings"))
                      .header("Authorization", "Bearer " + token)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"sname\":\"" + sname + "\",\"rating\":" + rating + "}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 201) {
            JsonNode j = JSON.readTree(r.body());
            acked.put(j.get("event").asLong(), new String[] {sname, rating});
          } else {
            failed++;
          }
        } catch (IOException e) {
          failed++;
          child.process().waitFor();
          if (!child.process().isAlive()) {
            kills++;
            child = null;
          }
        }
      }
    } finally {
      killer.shutdownNow();
      if (child != null) {
        child.process().destroyForcibly();
        child.process().waitFor();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(plannedKills, kills, "kills");
    List<Long> missing = new ArrayList<>();
    try (Database db = Database.open(dir.resolve("review.sqlite"))) {
      Map<Long, String[]> stored =
          db.with(
              c -> {
                Map<Long, String[]> out = new HashMap<>();
                try (PreparedStatement p =
                        c.prepareStatement("SELECT id, sname, value FROM rating_events");
                    ResultSet rs = p.executeQuery()) {
                  while (rs.next()) {
                    out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                  }
                }
                return out;
              });
      for (Map.Entry<Long, String[]> e : acked.entrySet()) {
        String[] s = stored.get(e.getKey());
        if (s == null || !s[0].equals(e.getValue()[0]) || !s[1].equals(e.getValue()[1])) {
          missing.add(e.getKey());
        }
      }
    }
    System.out.printf(
        "durability: %d ratings sent, %d acknowledged, %d cut by %d kills, %d lost (%.1f s)%n",
        sent, acked.size(), failed, kills, missing.size(), seconds);
    assertEquals(List.of(), missing, "acknowledged ratings lost");
  }
}
