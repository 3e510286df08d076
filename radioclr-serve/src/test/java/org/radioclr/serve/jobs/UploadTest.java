package org.radioclr.serve.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;

/**
 * Uploads as {@code multipart/form-data} (what a browser form and {@code curl -F} send): a FITS map
 * over the server's 1 MiB request limit but under the upload limit is kept byte for byte; oversize,
 * wrong content (FITS, CSV, JSON, Parquet checked by content), names with paths and malformed forms
 * are refused with one clear error each, and leave nothing behind.
 */
class UploadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long LIMIT = 2 << 20;
  static final String BOUNDARY = "radioclr-test-boundary-7";

  @TempDir Path dir;
  ServeServer server;
  String alice;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    ReviewFixture f = ReviewFixture.make(dir.resolve("project"), 3);
    Database db = Database.open(dir.resolve("review.sqlite"));
    alice = new Users(db).addOrRenew("alice", false);
    JobService jobs =
        new JobService(db, new FakeCatalog(), dir.resolve("data"), 1, LIMIT, List.of());
    server =
        ServeServer.start(
            new ServeConfig(f.scores(), null, f.datalist(), "127.0.0.1", 0, dir.resolve("tmp"), 1),
            db,
            List.of(jobs));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A form of parts {field, filename, bytes}. */
  static byte[] form(Object[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object[] p : parts) {
      String head =
          "--"
              + BOUNDARY
              + "\r\nContent-Disposition: form-data; name=\""
              + p[0]
              + "\""
              + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"")
              + "\r\nContent-Type: application/octet-stream\r\n\r\n";
      b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      b.writeBytes((byte[]) p[2]);
      b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    b.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  HttpResponse<String> post(String query, byte[] body, String contentType) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/files" + query))
            .header("Authorization", "Bearer " + alice)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(String filename, byte[] content) throws Exception {
    return post(
        "",
        form(new Object[] {"file", filename, content}),
        "multipart/form-data; boundary=" + BOUNDARY);
  }

  String error(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).get("error").asText();
  }

  void refused(int status, String expected, HttpResponse<String> r) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(error(r).contains(expected), r.body());
  }

  @Test
  void aMultipartUploadIsKeptAndEveryBadOneRefusedClearly() throws Exception {
    // a 1.5 MiB FITS map: over the 1 MiB of other requests, under the 2 MiB upload limit
    Path fits = dir.resolve("map.fits");
    int side = 600;
    FitsWriter.write(
        fits,
        new Plane(side, side, new float[side * side]),
        FitsCards.create().tanSky(1, 2, 8, 8, 1e-3));
    byte[] map = Files.readAllBytes(fits);
    assertTrue(map.length > 1 << 20 && map.length < LIMIT, "size " + map.length);
    HttpResponse<String> ok = upload("map.fits", map);
    assertEquals(201, ok.statusCode(), ok.body());
    JsonNode f = JSON.readTree(ok.body());
    assertEquals("fits", f.get("kind").asText());
    assertEquals(map.length, f.get("size").asLong());
    Path stored = dir.resolve("data/files").resolve(f.get("id").asText()).resolve("map.fits");
    assertTrue(Arrays.equals(map, Files.readAllBytes(stored)), "stored bytes differ");
    // a CSV table and a datalist, ?name= renaming the part
    assertEquals(
        201, upload("cat.csv", "sname,ra,dec\na,1,2\n\"b,c\",3,4\n".getBytes()).statusCode());
    HttpResponse<String> renamed =
        post(
            "?name=d.json",
            form(new Object[] {"file", "blob", "{\"data\": []}".getBytes()}),
            "multipart/form-data; boundary=" + BOUNDARY);
    assertEquals("d.json", JSON.readTree(renamed.body()).get("name").asText(), renamed.body());

    // oversize, whether the length is declared up front or only found while reading
    byte[] big = Arrays.copyOf(map, (int) LIMIT + 4096);
    refused(413, "exceeds the limit of " + LIMIT, upload("big.fits", big));
    byte[] huge = Arrays.copyOf(map, (int) LIMIT + (1 << 20));
    refused(413, "exceeds the limit of " + LIMIT, upload("huge.fits", huge));
    // wrong types, by extension and by content
    refused(415, "type '.sh' is not accepted", upload("run.sh", "echo".getBytes()));
    refused(415, "the content is not fits", upload("m.fits", "SIMPLE? no".getBytes()));
    refused(
        415,
        "not a whole number of 2880-byte FITS blocks",
        upload("cut.fits", Arrays.copyOf(map, 5000)));
    refused(
        415,
        "line 3 has 2 fields, the header 3",
        upload("t.csv", "a,b,c\n1,2,3\n4,5\n".getBytes()));
    refused(415, "not text", upload("bin.csv", new byte[] {'a', 0, 'b'}));
    refused(415, "not valid JSON", upload("d.json", "{\"data\": [".getBytes()));
    refused(415, "Parquet magic", upload("f.parquet", "PAR1 but cut short".getBytes()));
    refused(415, "empty", upload("e.csv", new byte[0]));
    // names with paths
    for (String name : List.of("../../evil.fits", "/etc/passwd.csv", "a/b.csv", ".hidden.csv")) {
      refused(400, "file name", upload(name, "a\n1\n".getBytes()));
    }
    // forms without exactly one file, and a body that is no form
    refused(
        400,
        "exactly one file",
        post(
            "",
            form(new Object[] {"other", "x.csv", "a\n".getBytes()}),
            "multipart/form-data; boundary=" + BOUNDARY));
    refused(
        400,
        "exactly one file",
        post(
            "",
            form(
                new Object[] {"file", "x.csv", "a\n".getBytes()},
                new Object[] {"file", "y.csv", "a\n".getBytes()}),
            "multipart/form-data; boundary=" + BOUNDARY));
    refused(
        400,
        "cannot be read",
        post("", "no boundary here".getBytes(), "multipart/form-data; boundary=" + BOUNDARY));

    // only the three good files are kept, and nothing half-written is left anywhere
    JsonNode list =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/files"))
                        .header("Authorization", "Bearer " + alice)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertEquals(3, list.size(), list.toString());
    try (Stream<Path> s = Files.walk(dir.resolve("data"))) {
      List<Path> left =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getParent().getParent().equals(dir.resolve("data/files")))
              .toList();
      assertEquals(List.of(), left, "files left behind");
    }
  }
}
