package org.radioclr.serve.db;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored review action (never changed, never deleted).
 *
 * @param id increasing event id
 * @param userId who
 * @param sname the frame
 * @param kind what
 * @param value the rating {@code 0..5}, the tag, or the note; {@code null} for an undo
 * @param undoes the event an {@link Kind#UNDO} cancels, else 0
 * @param at when
 */
public record RatingEvent(
    long id, long userId, String sname, Kind kind, String value, long undoes, Instant at) {

  /** What an event does. */
  public enum Kind {
    /** Sets the rating (value {@code 0}..{@code 5}). */
    RATE,
    /** Adds a tag. */
    TAG_ADD,
    /** Removes a tag. */
    TAG_REMOVE,
    /** Sets the note ({@code ""} clears it). */
    NOTE,
    /** Cancels the user's latest event not yet cancelled. */
    UNDO
  }

  public RatingEvent {
    Objects.requireNonNull(sname, "sname");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
