package org.radioclr.serve.db;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The current review of one frame by one user, derived from the events.
 *
 * @param rating 0..5, or -1 when not rated
 * @param tags tags, sorted
 * @param note free text, {@code ""} when none
 * @param updated time of the latest event that counts
 */
public record ReviewState(int rating, SortedSet<String> tags, String note, Instant updated) {
  /** The state before any event. */
  public static final ReviewState EMPTY = new ReviewState(-1, new TreeSet<>(), "", Instant.EPOCH);

  public ReviewState {
    Objects.requireNonNull(note, "note");
    tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
  }

  /** Whether a rating has been given. */
  public boolean rated() {
    return rating >= 0;
  }

  /** The state after {@code e} (which is not an undo). */
  ReviewState apply(RatingEvent e) {
    TreeSet<String> t = new TreeSet<>(tags);
    return switch (e.kind()) {
      case RATE -> new ReviewState(Integer.parseInt(e.value()), t, note, e.at());
      case TAG_ADD -> {
        t.add(e.value());
        yield new ReviewState(rating, t, note, e.at());
      }
      case TAG_REMOVE -> {
        t.remove(e.value());
        yield new ReviewState(rating, t, note, e.at());
      }
      case NOTE -> new ReviewState(rating, t, e.value(), e.at());
      case UNDO -> this;
    };
  }
}
