package org.radioclr.serve.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.radioclr.core.BadInputException;

/**
 * The one SQLite database of a {@code radioclr serve} instance, in WAL mode with {@code
 * synchronous=FULL}: a statement that returned has reached the disk, so an acknowledged rating
 * survives {@code kill -9} and a power cut. One connection serves every thread, each use under a
 * lock ({@link #with}); SQLite serialises writers anyway, and the reads are short.
 */
public final class Database implements AutoCloseable {
  private static final int SCHEMA_VERSION = 1;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Work on the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Opens (creating when absent) the database at {@code file} and brings its schema up to date.
   *
   * @throws BadInputException naming the file when it is not a SQLite database, is of a newer
   *     schema, or cannot be opened
   */
  public static Database open(Path file) {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new BadInputException(file, "its folder does not exist");
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=FULL");
          s.execute("PRAGMA foreign_keys=ON");
          s.execute("PRAGMA busy_timeout=10000");
        }
        Database db = new Database(file, c);
        db.migrate();
        return db;
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new BadInputException(file, "cannot open the review database: " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** Runs {@code work} on the connection, alone. */
  public <T> T with(Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new BadInputException(file, "database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one transaction, alone: all of it is stored, or none. */
  public <T> T transaction(Work<T> work) {
    return with(
        c -> {
          c.setAutoCommit(false);
          try {
            T out = work.run(c);
            c.commit();
            return out;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  private void migrate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      int version;
      try (var rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new BadInputException(
            file,
            "written by a newer radioclr (schema "
                + version
                + ", this one knows "
                + SCHEMA_VERSION
                + ")");
      }
      if (version == SCHEMA_VERSION) {
        return;
      }
      connection.setAutoCommit(false);
      try {
        s.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                + " token_sha256 TEXT NOT NULL UNIQUE, admin INTEGER NOT NULL DEFAULT 0,"
                + " created TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS rating_events (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " user_id INTEGER NOT NULL REFERENCES users(id), sname TEXT NOT NULL,"
                + " kind TEXT NOT NULL, value TEXT, undoes INTEGER REFERENCES rating_events(id),"
                + " at TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS rating_events_user ON rating_events(user_id, id)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, user_id INTEGER NOT NULL"
                + " REFERENCES users(id), app TEXT NOT NULL, request TEXT NOT NULL,"
                + " state TEXT NOT NULL, exit_code INTEGER, message TEXT, progress REAL,"
                + " submitted TEXT NOT NULL, started TEXT, finished TEXT)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS files (id TEXT PRIMARY KEY, user_id INTEGER NOT NULL"
                + " REFERENCES users(id), name TEXT NOT NULL, kind TEXT NOT NULL, size INTEGER"
                + " NOT NULL, path TEXT NOT NULL, registered INTEGER NOT NULL DEFAULT 0,"
                + " created TEXT NOT NULL)");
        s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new BadInputException(file, "cannot close the review database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
