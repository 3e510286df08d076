package org.radioclr.serve.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.serve.db.RatingEvent.Kind;

class RatingStoreTest {
  @TempDir Path dir;

  @Test
  void stateIsDerivedFromEventsAndSurvivesReopening() {
    Path file = dir.resolve("review.sqlite");
    User alice;
    try (Database db = Database.open(file)) {
      Users users = new Users(db);
      String token = users.addOrRenew("alice", false);
      alice = users.byToken(token).orElseThrow();
      RatingStore store = new RatingStore(db);
      store.append(alice, "a", Kind.RATE, "3");
      store.append(alice, "a", Kind.RATE, "5");
      store.append(alice, "a", Kind.TAG_ADD, "PECULIAR");
      store.append(alice, "b", Kind.NOTE, "a ring?");
      store.append(alice, "b", Kind.RATE, "1");
      assertEquals("b", store.undo(alice).orElseThrow().sname());
      assertEquals(5, store.state(alice.id(), "a").rating());
      assertFalse(store.state(alice.id(), "b").rated());
      assertEquals("a ring?", store.state(alice.id(), "b").note());
    }
    try (Database db = Database.open(file)) {
      RatingStore store = new RatingStore(db);
      ReviewState a = store.state(alice.id(), "a");
      assertEquals(5, a.rating());
      assertEquals(Set.of("PECULIAR"), a.tags());
      assertFalse(store.state(alice.id(), "b").rated());
      // the log keeps everything: 5 events and the undo
      assertEquals(6, store.eventCount(alice.id()));
      List<RatingEvent> h = store.history(alice.id(), "b");
      assertEquals(Kind.UNDO, h.get(h.size() - 1).kind());
      // a second undo goes further back: the note
      store.undo(alice);
      assertEquals("", store.state(alice.id(), "b").note());
    }
  }

  @Test
  void aTokenRenewedElsewhereStopsWorkingOnceTheCacheExpires() {
    try (Database db = Database.open(dir.resolve("r.sqlite"))) {
      long[] now = {0};
      Users server = new Users(db, () -> now[0]);
      String old = new Users(db).addOrRenew("dave", false);
      assertTrue(server.byToken(old).isPresent());
      // renewed by another process (radioclr serve token add): still cached for a while
      String renewed = new Users(db).addOrRenew("dave", false);
      assertTrue(server.byToken(old).isPresent());
      now[0] += (Users.CACHE_SECONDS + 1) * 1_000_000_000L;
      assertTrue(server.byToken(old).isEmpty());
      assertTrue(server.byToken(renewed).isPresent());
    }
  }

  @Test
  void ratingsArePerUser() {
    try (Database db = Database.open(dir.resolve("r.sqlite"))) {
      Users users = new Users(db);
      User a = users.byToken(users.addOrRenew("a", false)).orElseThrow();
      User b = users.byToken(users.addOrRenew("b", false)).orElseThrow();
      RatingStore store = new RatingStore(db);
      store.append(a, "x", Kind.RATE, "4");
      assertTrue(store.states(b.id()).isEmpty());
      assertTrue(store.undo(b).isEmpty());
      assertEquals(4, store.state(a.id(), "x").rating());
    }
  }

  @Test
  void badValuesAreRefusedAndNothingIsStored() {
    try (Database db = Database.open(dir.resolve("r.sqlite"))) {
      Users users = new Users(db);
      User a = users.byToken(users.addOrRenew("a", false)).orElseThrow();
      RatingStore store = new RatingStore(db);
      assertThrows(IllegalArgumentException.class, () -> store.append(a, "x", Kind.RATE, "6"));
      assertThrows(IllegalArgumentException.class, () -> store.append(a, "x", Kind.TAG_ADD, " "));
      assertEquals(0, store.eventCount(a.id()));
    }
  }

  @Test
  void tokensAreStoredHashedAndRenewingRevokesTheOldOne() {
    try (Database db = Database.open(dir.resolve("r.sqlite"))) {
      Users users = new Users(db);
      String first = users.addOrRenew("carol", true);
      String second = users.addOrRenew("carol", true);
      assertTrue(users.byToken(first).isEmpty());
      assertTrue(users.byToken(second).orElseThrow().admin());
      assertTrue(users.byToken("wrong").isEmpty());
      String stored =
          db.with(
              c -> {
                try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT token_sha256 FROM users")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      assertFalse(stored.contains(second));
      assertEquals(64, stored.length());
      assertThrows(IllegalArgumentException.class, () -> users.addOrRenew("../x", false));
    }
  }
}
