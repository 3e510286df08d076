package org.radioclr.serve.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.radioclr.serve.db.RatingEvent.Kind;

/**
 * Ratings, tags and notes as an append-only log of {@link RatingEvent}s in the database; the
 * current {@link ReviewState} of each (user, frame) is derived from the log by replaying it, with
 * undone events and the undos themselves skipped. An append returns only once the event is on disk.
 * The derived state of each user is kept in memory, updated on each append and rebuilt from the log
 * after an undo.
 */
public final class RatingStore {
  /** Longest note, in characters. */
  public static final int MAX_NOTE = 4000;

  /** Longest tag, in characters. */
  public static final int MAX_TAG = 64;

  private final Database db;
  private final Map<Long, Map<String, ReviewState>> states = new ConcurrentHashMap<>();

  public RatingStore(Database db) {
    this.db = db;
  }

  /**
   * Stores one event (not an undo) and returns it.
   *
   * @throws IllegalArgumentException when the value does not suit the kind (a rating outside 0..5,
   *     a blank or too long tag, a too long note)
   */
  public RatingEvent append(User user, String sname, Kind kind, String value) {
    validate(kind, value);
    Instant at = Instant.now();
    long id =
        db.with(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO rating_events(user_id, sname, kind, value, at)"
                          + " VALUES (?, ?, ?, ?, ?)",
                      Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, user.id());
                p.setString(2, sname);
                p.setString(3, kind.name());
                p.setString(4, value);
                p.setString(5, at.toString());
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                  k.next();
                  return k.getLong(1);
                }
              }
            });
    RatingEvent e = new RatingEvent(id, user.id(), sname, kind, value, 0, at);
    Map<String, ReviewState> mine = statesOf(user.id());
    synchronized (mine) {
      mine.put(sname, mine.getOrDefault(sname, ReviewState.EMPTY).apply(e));
    }
    return e;
  }

  /**
   * Cancels the user's latest event not yet cancelled, if any, and returns it (the event undone).
   */
  public Optional<RatingEvent> undo(User user) {
    Optional<RatingEvent> undone =
        db.transaction(
            c -> {
              List<RatingEvent> log = log(c, user.id());
              Set<Long> cancelled = cancelled(log);
              RatingEvent last = null;
              for (int i = log.size() - 1; i >= 0; i--) {
                RatingEvent e = log.get(i);
                if (e.kind() != Kind.UNDO && !cancelled.contains(e.id())) {
                  last = e;
                  break;
                }
              }
              if (last == null) {
                return Optional.<RatingEvent>empty();
              }
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO rating_events(user_id, sname, kind, value, undoes, at)"
                          + " VALUES (?, ?, 'UNDO', NULL, ?, ?)")) {
                p.setLong(1, user.id());
                p.setString(2, last.sname());
                p.setLong(3, last.id());
                p.setString(4, Instant.now().toString());
                p.executeUpdate();
              }
              return Optional.of(last);
            });
    states.remove(user.id());
    return undone;
  }

  /** The current state of every frame the user has touched (a copy). */
  public Map<String, ReviewState> states(long userId) {
    Map<String, ReviewState> mine = statesOf(userId);
    synchronized (mine) {
      return Map.copyOf(mine);
    }
  }

  /** The user's current state of one frame. */
  public ReviewState state(long userId, String sname) {
    Map<String, ReviewState> mine = statesOf(userId);
    synchronized (mine) {
      return mine.getOrDefault(sname, ReviewState.EMPTY);
    }
  }

  /** The user's events on one frame, oldest first, undos included. */
  public List<RatingEvent> history(long userId, String sname) {
    return db.with(
        c -> {
          List<RatingEvent> out = new ArrayList<>();
          for (RatingEvent e : log(c, userId)) {
            if (e.sname().equals(sname)) {
              out.add(e);
            }
          }
          return out;
        });
  }

  /** Number of stored events of the user, undos included. */
  public int eventCount(long userId) {
    return db.with(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT COUNT(*) FROM rating_events WHERE user_id = ?")) {
            p.setLong(1, userId);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  private Map<String, ReviewState> statesOf(long userId) {
    return states.computeIfAbsent(
        userId, id -> Collections.synchronizedMap(replay(db.with(c -> log(c, id)))));
  }

  /** The state of each frame after the log (oldest first). */
  static Map<String, ReviewState> replay(List<RatingEvent> log) {
    Set<Long> cancelled = cancelled(log);
    Map<String, ReviewState> out = new LinkedHashMap<>();
    for (RatingEvent e : log) {
      if (e.kind() != Kind.UNDO && !cancelled.contains(e.id())) {
        out.put(e.sname(), out.getOrDefault(e.sname(), ReviewState.EMPTY).apply(e));
      }
    }
    out.values().removeIf(s -> !s.rated() && s.tags().isEmpty() && s.note().isEmpty());
    return new HashMap<>(out);
  }

  private static Set<Long> cancelled(List<RatingEvent> log) {
    Set<Long> out = new HashSet<>();
    for (RatingEvent e : log) {
      if (e.kind() == Kind.UNDO) {
        out.add(e.undoes());
      }
    }
    return out;
  }

  private static List<RatingEvent> log(Connection c, long userId) throws SQLException {
    List<RatingEvent> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, sname, kind, value, undoes, at FROM rating_events WHERE user_id = ?"
                + " ORDER BY id")) {
      p.setLong(1, userId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RatingEvent(
                  rs.getLong(1),
                  userId,
                  rs.getString(2),
                  Kind.valueOf(rs.getString(3)),
                  rs.getString(4),
                  rs.getLong(5),
                  Instant.parse(rs.getString(6))));
        }
      }
    }
    return out;
  }

  private static void validate(Kind kind, String value) {
    switch (kind) {
      case RATE -> {
        if (value == null || !value.matches("[0-5]")) {
          throw new IllegalArgumentException("rating must be 0 to 5, got '" + value + "'");
        }
      }
      case TAG_ADD, TAG_REMOVE -> {
        if (value == null || value.isBlank() || value.length() > MAX_TAG) {
          throw new IllegalArgumentException(
              "tag must be 1 to " + MAX_TAG + " characters, got '" + value + "'");
        }
      }
      case NOTE -> {
        if (value == null || value.length() > MAX_NOTE) {
          throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters");
        }
      }
      case UNDO -> throw new IllegalArgumentException("store an undo with undo()");
    }
  }
}
