package org.radioclr.serve.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.User;

/**
 * Files for jobs: uploads (streamed to a temporary file, checked for size and type, then moved into
 * {@code DATA/files/ID/NAME}) and server paths an admin registered (under an allowed root, symbolic
 * links resolved). Accepted types, by extension and checked by content: FITS ({@code .fits .fit
 * .fts}: the first card {@code SIMPLE = T}, whole 2880-byte blocks), datalists ({@code .json},
 * parsed as JSON), tables ({@code .parquet} with the magic {@code PAR1} at both ends, {@code .csv}
 * parsed as RFC 4180 with as many fields on every line as in the header), catalogues ({@code .vot
 * .xml}, XML), DS9 regions ({@code .reg}, text) and model files ({@code .params}, and {@code
 * provenance.json}).
 */
public final class FileStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FITS_BLOCK = 2880;
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("fits", "fits"),
          Map.entry("fit", "fits"),
          Map.entry("fts", "fits"),
          Map.entry("json", "datalist"),
          Map.entry("parquet", "table"),
          Map.entry("csv", "table"),
          Map.entry("vot", "catalogue"),
          Map.entry("xml", "catalogue"),
          Map.entry("reg", "regions"),
          Map.entry("params", "model"));

  private final Database db;
  private final Path root;
  private final long maxBytes;
  private final List<Path> allowedRoots;

  /**
   * @param root the data folder's {@code files} folder
   * @param maxBytes largest upload
   * @param allowedRoots folders an admin may register server paths under
   */
  public FileStore(Database db, Path root, long maxBytes, List<Path> allowedRoots) {
    this.db = db;
    this.root = root;
    this.maxBytes = maxBytes;
    this.allowedRoots = List.copyOf(allowedRoots);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
  }

  /** The folder uploads go to. */
  public Path root() {
    return root;
  }

  /** The largest upload, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Thrown for an upload over the size limit (HTTP 413). */
  public static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** Thrown for an upload of a type the server does not take (HTTP 415). */
  public static final class WrongTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongTypeException(String message) {
      super(message);
    }
  }

  /**
   * Stores an upload.
   *
   * @throws IllegalArgumentException for a bad name
   * @throws TooLargeException when the body exceeds the limit (nothing is kept)
   * @throws WrongTypeException when the extension or the content is not of an accepted type
   */
  public StoredFile upload(User user, String name, InputStream body) {
    SafePaths.fileName(name);
    String kind = kindOf(name);
    String id = UUID.randomUUID().toString();
    Path dir = root.resolve(id);
    try {
      Path tmp = Files.createTempFile(root, ".upload-", ".part");
      try {
        long size = copyLimited(body, tmp);
        checkContent(name, kind, tmp);
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return insert(
            new StoredFile(id, user.id(), name, kind, size, target.toString(), false, now()));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store upload " + name, e);
    }
  }

  /**
   * Registers a server path (admins only; the caller checks) under one of the allowed roots.
   *
   * @throws IllegalArgumentException when the path is not a regular file under an allowed root
   *     (symbolic links followed), or no root is allowed
   */
  public StoredFile register(User user, String path) {
    if (allowedRoots.isEmpty()) {
      throw new IllegalArgumentException(
          "no server folder is allowed for registration (start the server with --allow-path DIR)");
    }
    Path p = Path.of(path);
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("register an absolute server path, got '" + path + "'");
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("no such file on the server: " + path);
    }
    boolean inside = false;
    for (Path allowed : allowedRoots) {
      try {
        inside |= real.startsWith(allowed.toRealPath());
      } catch (IOException e) {
        // a missing allowed root allows nothing
      }
    }
    if (!inside || !Files.isRegularFile(real)) {
      throw new IllegalArgumentException(
          "'" + path + "' is not a file under an allowed folder " + allowedRoots);
    }
    String name = real.getFileName().toString();
    String kind = kindOf(name);
    try {
      return insert(
          new StoredFile(
              UUID.randomUUID().toString(),
              user.id(),
              name,
              kind,
              Files.size(real),
              real.toString(),
              true,
              now()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files the user may see (all for an admin), newest first. */
  public List<StoredFile> list(User user) {
    return db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT id, user_id, name, kind, size, path, registered, created FROM files"
                      + (user.admin() ? "" : " WHERE user_id = ?")
                      + " ORDER BY created DESC, id")) {
            if (!user.admin()) {
              p.setLong(1, user.id());
            }
            List<StoredFile> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  /** The file {@code id} if the user may see it. */
  public Optional<StoredFile> get(User user, String id) {
    return list(user).stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** Deletes a file the user may see; a registered path is only forgotten. */
  public boolean delete(User user, String id) {
    Optional<StoredFile> f = get(user, id);
    if (f.isEmpty()) {
      return false;
    }
    db.with(
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM files WHERE id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
          }
          return null;
        });
    if (!f.get().registered()) {
      try {
        Path file = Path.of(f.get().path());
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + f.get().path(), e);
      }
    }
    return true;
  }

  private StoredFile insert(StoredFile f) {
    db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO files(id, user_id, name, kind, size, path, registered, created)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, f.id());
            p.setLong(2, f.userId());
            p.setString(3, f.name());
            p.setString(4, f.kind());
            p.setLong(5, f.size());
            p.setString(6, f.path());
            p.setInt(7, f.registered() ? 1 : 0);
            p.setString(8, f.created());
            p.executeUpdate();
          }
          return null;
        });
    return f;
  }

  private static StoredFile read(ResultSet rs) throws SQLException {
    return new StoredFile(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getInt(7) != 0,
        rs.getString(8));
  }

  private static String kindOf(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String kind = KINDS.get(ext);
    if (kind == null) {
      throw new WrongTypeException(
          name + ": type '." + ext + "' is not accepted; use one of " + KINDS.keySet());
    }
    return kind;
  }

  private long copyLimited(InputStream in, Path target) throws IOException {
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new TooLargeException(
              "upload exceeds the limit of " + maxBytes + " bytes (--max-upload-mb)");
        }
        out.write(buf, 0, n);
      }
    }
    return total;
  }

  private static void checkContent(String name, String kind, Path file) throws IOException {
    String problem = problem(name, kind, file);
    if (problem != null) {
      throw new WrongTypeException(name + ": the content is not " + kind + ": " + problem);
    }
  }

  /** What is wrong with the content for its kind, or null when nothing is. */
  private static String problem(String name, String kind, Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      return "the file is empty";
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8192);
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "fits" -> fitsProblem(text, size);
      case "datalist" -> jsonProblem(file);
      case "table" ->
          ext.equals("parquet") ? parquetProblem(text, file, size) : csvProblem(head, file);
      case "catalogue" ->
          isText(head) && text.stripLeading().replace("\uFEFF", "").startsWith("<")
              ? null
              : "it does not start with an XML element";
      case "model" -> null;
      default -> isText(head) ? null : "it is not text (it holds NUL bytes)";
    };
  }

  /** FITS: the primary header's first card is {@code SIMPLE = T}, in whole 2880-byte blocks. */
  private static String fitsProblem(String head, long size) {
    if (!head.startsWith("SIMPLE  =") || head.length() < 30 || head.charAt(29) != 'T') {
      return "it does not start with the FITS card 'SIMPLE  =                    T'";
    }
    if (size % FITS_BLOCK != 0) {
      return size
          + " bytes is not a whole number of "
          + FITS_BLOCK
          + "-byte FITS blocks (truncated?)";
    }
    return null;
  }

  private static String jsonProblem(Path file) {
    try {
      JSON.readTree(file.toFile());
      return null;
    } catch (IOException e) {
      return "it is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")";
    }
  }

  /** Parquet: the magic {@code PAR1} at both ends. */
  private static String parquetProblem(String head, Path file, long size) throws IOException {
    byte[] tail = new byte[4];
    if (size >= 12) {
      try (var ch = Files.newByteChannel(file)) {
        ch.position(size - 4);
        ch.read(java.nio.ByteBuffer.wrap(tail));
      }
    }
    return head.startsWith("PAR1") && new String(tail, StandardCharsets.ISO_8859_1).equals("PAR1")
        ? null
        : "it does not start and end with the Parquet magic 'PAR1'";
  }

  /** CSV: text that parses (RFC 4180) into a header and rows of as many fields as the header. */
  private static String csvProblem(byte[] head, Path file) throws IOException {
    if (!isText(head)) {
      return "it is not text (it holds NUL bytes)";
    }
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(reader, CSVFormat.RFC4180)) {
      int columns = -1;
      for (CSVRecord r : csv) {
        if (columns < 0) {
          columns = r.size();
        } else if (r.size() != columns) {
          return "line "
              + csv.getCurrentLineNumber()
              + " has "
              + r.size()
              + " fields, the header "
              + columns;
        }
      }
      return columns < 0 ? "it has no header line" : null;
    } catch (java.io.UncheckedIOException | IOException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      return "it does not parse as CSV (" + m.lines().findFirst().orElse("") + ")";
    }
  }

  private static boolean isText(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }

  private static String now() {
    return Instant.now().toString();
  }
}
