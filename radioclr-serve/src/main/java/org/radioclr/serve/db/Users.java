package org.radioclr.serve.db;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.radioclr.core.io.Sha256;

/**
 * Users and their bearer tokens. A token is 32 random bytes (base64url, 43 characters), shown once
 * when made; the database keeps only its SHA-256, so a copy of the database gives no access.
 * Look-ups by token are cached in memory for {@value #CACHE_SECONDS} s (tokens are long random
 * strings, so a plain hash is enough; no password stretching is needed): a token renewed by {@code
 * radioclr serve token add} in another process stops working in a running server within that time.
 */
public final class Users {
  /** A user name: letters, digits, {@code . _ -}, 1 to 64 characters. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a token look-up is trusted, in seconds. */
  public static final int CACHE_SECONDS = 30;

  private record Cached(User user, long until) {}

  private final Database db;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Cached> byTokenHash = new ConcurrentHashMap<>();

  public Users(Database db) {
    this(db, System::nanoTime);
  }

  /** With a clock in nanoseconds (for tests). */
  Users(Database db, LongSupplier nanos) {
    this.db = db;
    this.nanos = nanos;
  }

  /**
   * Adds a user, or gives an existing one a new token (the old one stops working).
   *
   * @return the new token, to be handed to the user
   * @throws IllegalArgumentException when the name is not a valid user name
   */
  public String addOrRenew(String name, boolean admin) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "user name must be 1-64 letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String hash = hash(token);
    db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO users(name, token_sha256, admin, created) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT(name) DO UPDATE SET token_sha256 = excluded.token_sha256,"
                      + " admin = excluded.admin")) {
            p.setString(1, name);
            p.setString(2, hash);
            p.setInt(3, admin ? 1 : 0);
            p.setString(4, Instant.now().toString());
            p.executeUpdate();
          }
          return null;
        });
    byTokenHash.clear();
    return token;
  }

  /** The user holding {@code token}, if any. */
  public Optional<User> byToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 256) {
      return Optional.empty();
    }
    String hash = hash(token);
    long now = nanos.getAsLong();
    Cached cached = byTokenHash.get(hash);
    if (cached != null && now - cached.until() < 0) {
      return Optional.of(cached.user());
    }
    Optional<User> found =
        db.with(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement("SELECT id, name, admin FROM users WHERE token_sha256 = ?")) {
                p.setString(1, hash);
                try (ResultSet rs = p.executeQuery()) {
                  return rs.next()
                      ? Optional.of(new User(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0))
                      : Optional.<User>empty();
                }
              }
            });
    if (found.isPresent()) {
      byTokenHash.put(hash, new Cached(found.get(), now + CACHE_SECONDS * 1_000_000_000L));
    } else {
      byTokenHash.remove(hash);
    }
    return found;
  }

  /** Every user, by name. */
  public List<User> all() {
    return db.with(
        c -> {
          List<User> out = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement("SELECT id, name, admin FROM users ORDER BY name");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(new User(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0));
            }
          }
          return out;
        });
  }

  private static String hash(String token) {
    return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
  }
}
