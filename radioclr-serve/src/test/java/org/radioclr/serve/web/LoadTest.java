package org.radioclr.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;

/**
 * A bounded load test on loopback: {@value #CLIENTS} concurrent clients (20 users; {@code
 * -Dradioclr.serve.loadClients} to change) each loop reading a random thumbnail and posting a
 * rating, for {@code -Dradioclr.serve.loadSeconds} seconds (default 10; the figure is 60).
 * Every request must succeed; the latency percentiles are printed, not asserted.
 */
@Tag("slow")
class LoadTest {
  static final int CLIENTS = 200;
  static final int FRAMES = 30;

  @TempDir Path dir;

  @Test
  void twoHundredClientsReadThumbnailsAndPostRatingsWithoutAnError() throws Exception {
    long seconds = Long.getLong("radioclr.serve.loadSeconds", 10);
    int clients = Integer.getInteger("radioclr.serve.loadClients", CLIENTS);
    ReviewFixture f = ReviewFixture.make(dir, FRAMES);
    Database db = Database.open(dir.resolve("review.sqlite"));
    Users users = new Users(db);
    String[] tokens = new String[20];
    for (int u = 0; u < tokens.length; u++) {
      tokens[u] = users.addOrRenew("user" + u, false);
    }
    try (ServeServer server =
        ServeServer.start(
            new ServeConfig(f.scores(), null, f.datalist(), "127.0.0.1", 0, dir.resolve("tmp"), 1),
            db,
            List.of())) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
      List<Long> reads = Collections.synchronizedList(new ArrayList<>());
      List<Long> writes = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger errors = new AtomicInteger();
      List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < clients; c++) {
          int client = c;
          pool.submit(
              () -> {
                SplittableRandom r = new SplittableRandom(client);
                String token = tokens[client % tokens.length];
                while (System.nanoTime() < end) {
                  String sname = ReviewFixture.sname(r.nextInt(FRAMES));
                  try {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> img =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/img/" + sname + "/rgb"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    reads.add(System.nanoTime() - t);
                    check(
                        img.statusCode() == 200,
                        "thumbnail " + img.statusCode(),
                        errors,
                        firstErrors);
                    t = System.nanoTime();
                    HttpResponse<String> rate =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/review/ratings"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        "{\"sname\":\""
                                            + sname
                                            + "\",\"rating\":"
                                            + r.nextInt(6)
                                            + "}"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    writes.add(System.nanoTime() - t);
                    check(rate.statusCode() == 201, "rating " + rate.body(), errors, firstErrors);
                  } catch (Exception e) {
                    check(false, e.toString(), errors, firstErrors);
                  }
                }
                return null;
              });
        }
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "load: %d clients, %d s: thumbnails %s; ratings %s; errors %d",
              clients,
              seconds,
              summary(reads, seconds),
              summary(writes, seconds),
              errors.get()));
      assertEquals(0, errors.get(), "errors, first: " + firstErrors);
      assertTrue(!reads.isEmpty() && !writes.isEmpty());
    }
  }

  private static void check(boolean ok, String what, AtomicInteger errors, List<String> first) {
    if (!ok && errors.incrementAndGet() <= 5) {
      first.add(what);
    }
  }

  private static String summary(List<Long> nanos, long seconds) {
    long[] a;
    synchronized (nanos) {
      a = nanos.stream().mapToLong(Long::longValue).toArray();
    }
    Arrays.sort(a);
    return String.format(
        Locale.ROOT,
        "%d requests (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        a.length,
        a.length / (double) seconds,
        a[a.length / 2] / 1e6,
        a[(int) Math.min(a.length - 1, Math.ceil(a.length * 0.99) - 1)] / 1e6,
        a[a.length - 1] / 1e6);
  }
}
