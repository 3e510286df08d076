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
  private final Committer committer = new Committer();

  /** Most events written in one transaction. */
  private static final int MAX_BATCH = 512;

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
    Pending p = new Pending(user.id(), sname, kind, value, Instant.now());
    return committer.commit(p);
  }

  /** An event waiting for the committer. */
  private record Pending(long userId, String sname, Kind kind, String value, Instant at) {}

  /**
   * Group commit: appends from many threads are written by one thread, as many as are waiting in
   * one transaction (one disk flush), and each caller returns once its transaction has committed.
   */
  private final class Committer {
    private final java.util.concurrent.BlockingQueue<
            java.util.Map.Entry<Pending, java.util.concurrent.CompletableFuture<RatingEvent>>>
        queue = new java.util.concurrent.LinkedBlockingQueue<>();
    private Thread thread;

    synchronized void ensureStarted() {
      if (thread == null) {
        thread = new Thread(this::loop, "radioclr-rating-committer");
        thread.setDaemon(true);
        thread.start();
      }
    }

    RatingEvent commit(Pending p) {
      ensureStarted();
      java.util.concurrent.CompletableFuture<RatingEvent> done =
          new java.util.concurrent.CompletableFuture<>();
      queue.add(Map.entry(p, done));
      try {
        return done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while storing a rating", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    private void loop() {
      List<Map.Entry<Pending, java.util.concurrent.CompletableFuture<RatingEvent>>> batch =
          new ArrayList<>();
      while (true) {
        try {
          batch.add(queue.take());
        } catch (InterruptedException e) {
          return;
        }
        queue.drainTo(batch, MAX_BATCH - 1);
        try {
          List<RatingEvent> stored = db.transaction(c -> insert(c, batch));
          for (int i = 0; i < batch.size(); i++) {
            RatingEvent e = stored.get(i);
            Map<String, ReviewState> mine = statesOf(e.userId());
            synchronized (mine) {
              mine.put(e.sname(), mine.getOrDefault(e.sname(), ReviewState.EMPTY).apply(e));
            }
            batch.get(i).getValue().complete(e);
          }
        } catch (RuntimeException ex) {
          for (var b : batch) {
            b.getValue().completeExceptionally(ex);
          }
        }
        batch.clear();
      }
    }

    private List<RatingEvent> insert(
        Connection c,
        List<Map.Entry<Pending, java.util.concurrent.CompletableFuture<RatingEvent>>> batch)
        throws SQLException {
      List<RatingEvent> out = new ArrayList<>(batch.size());
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO rating_events(user_id, sname, kind, value, at) VALUES (?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        for (var b : batch) {
          Pending e = b.getKey();
          p.setLong(1, e.userId());
          p.setString(2, e.sname());
          p.setString(3, e.kind().name());
          p.setString(4, e.value());
          p.setString(5, e.at().toString());
          p.executeUpdate();
          long id;
          try (ResultSet k = p.getGeneratedKeys()) {
            k.next();
            id = k.getLong(1);
          }
          out.add(new RatingEvent(id, e.userId(), e.sname(), e.kind(), e.value(), 0, e.at()));
        }
      }
      return out;
    }
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
