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
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.User;

/**
 * Files for jobs: uploads (streamed to a temporary file, checked for size and type, then moved into
 * {@code DATA/files/ID/NAME}) and server paths an admin registered (under an allowed root, symbolic
 * links resolved). Accepted types, by extension and content: FITS ({@code .fits .fit .fts},
 * starting with {@code SIMPLE =}), datalists ({@code .json}, valid JSON), tables ({@code .parquet}
 * starting with {@code PAR1}, {@code .csv} text), catalogues ({@code .vot .xml}, XML), DS9 regions
 * ({@code .reg}) and model files ({@code .params}, and {@code provenance.json}).
 */
public final class FileStore {
  private static final ObjectMapper JSON = new ObjectMapper();
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
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8192);
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    boolean ok =
        switch (kind) {
          case "fits" -> text.startsWith("SIMPLE  =");
          case "datalist" -> {
            try {
              JSON.readTree(file.toFile());
              yield true;
            } catch (IOException e) {
              yield false;
            }
          }
          case "table" -> ext.equals("parquet") ? text.startsWith("PAR1") : isText(head);
          case "catalogue" ->
              isText(head) && text.stripLeading().replace("\uFEFF", "").startsWith("<");
          default -> isText(head) || kind.equals("model");
        };
    if (!ok || head.length == 0) {
      throw new WrongTypeException(
          name + ": the content is not " + kind + " (checked by its first bytes)");
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
