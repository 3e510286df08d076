package org.radioclr.serve.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radioclr.serve.db.Database;

/** Jobs in the database; the request column holds the client's request and the resolved argv. */
public final class JobStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, user_id, app, request, state, exit_code, message, submitted, started, finished";

  private final Database db;

  public JobStore(Database db) {
    this.db = db;
  }

  /** Stores a new queued job. */
  public Job insert(String id, long userId, String app, List<String> argv, Object request) {
    String stored;
    try {
      stored = JSON.writeValueAsString(Map.of("request", request, "argv", argv));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store the request: " + e.getMessage(), e);
    }
    String now = Instant.now().toString();
    db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO jobs(id, user_id, app, request, state, submitted)"
                      + " VALUES (?, ?, ?, ?, 'queued', ?)")) {
            p.setString(1, id);
            p.setLong(2, userId);
            p.setString(3, app);
            p.setString(4, stored);
            p.setString(5, now);
            p.executeUpdate();
          }
          return null;
        });
    return get(id).orElseThrow();
  }

  /** A job by id. */
  public Optional<Job> get(String id) {
    List<Job> l = query("WHERE id = ?", id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The user's jobs (every job for {@code userId < 0}), newest first. */
  public List<Job> list(long userId) {
    return userId < 0
        ? query("ORDER BY submitted DESC, id")
        : query("WHERE user_id = ? ORDER BY submitted DESC, id", userId);
  }

  /** Jobs in a state, oldest first. */
  public List<Job> inState(String state) {
    return query("WHERE state = ? ORDER BY submitted, id", state);
  }

  /**
   * Moves a job from one state to another (a compare-and-set).
   *
   * @return whether the job was in state {@code from}
   */
  public boolean transition(String id, String from, String to, Integer exitCode, String message) {
    String now = Instant.now().toString();
    return db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE jobs SET state = ?, exit_code = COALESCE(?, exit_code),"
                      + " message = COALESCE(?, message),"
                      + " started = CASE WHEN ? = 'running' THEN ? ELSE started END,"
                      + " finished = CASE WHEN ? IN ('done', 'failed', 'cancelled') THEN ?"
                      + " ELSE finished END"
                      + " WHERE id = ? AND state = ?")) {
            p.setString(1, to);
            if (exitCode == null) {
              p.setNull(2, java.sql.Types.INTEGER);
            } else {
              p.setInt(2, exitCode);
            }
            p.setString(3, message);
            p.setString(4, to);
            p.setString(5, now);
            p.setString(6, to);
            p.setString(7, now);
            p.setString(8, id);
            p.setString(9, from);
            return p.executeUpdate() == 1;
          }
        });
  }

  private List<Job> query(String where, Object... args) {
    return db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT " + COLUMNS + " FROM jobs " + where)) {
            for (int i = 0; i < args.length; i++) {
              p.setObject(i + 1, args[i]);
            }
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  private static Job read(ResultSet rs) throws SQLException {
    String stored = rs.getString(4);
    List<String> argv = new ArrayList<>();
    String request;
    try {
      var node = JSON.readTree(stored);
      node.get("argv").forEach(a -> argv.add(a.asText()));
      request = node.get("request").toString();
    } catch (JsonProcessingException e) {
      throw new SQLException("job " + rs.getString(1) + " has a broken request: " + e.getMessage());
    }
    int exit = rs.getInt(6);
    Integer exitCode = rs.wasNull() ? null : exit;
    return new Job(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        argv,
        request,
        rs.getString(5),
        exitCode,
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10));
  }
}
