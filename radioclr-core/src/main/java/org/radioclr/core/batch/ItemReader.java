package org.radioclr.core.batch;

/**
 * Reads one input item into its rows of a batch buffer, on a {@link BatchReader} worker thread.
 *
 * <p>It must be a pure function of its arguments (any randomness seeded from the item or its index,
 * never from the thread or the time), so that batches do not depend on the number of workers or
 * their timing.
 *
 * @param <I> the input items
 * @param <S> per-worker scratch state (a pre-processor, buffers), made once per worker thread
 */
@FunctionalInterface
public interface ItemReader<I, S> {
  /**
   * Fills the item's floats for row {@code row} of {@code buffer} (where the item goes is the
   * reader's layout, e.g. {@code [row][C][S][S]}).
   *
   * @param item the input
   * @param index its position in the pass's input sequence, from 0
   * @param state this worker's state
   * @param buffer the batch buffer
   * @param row the number of items already kept in this batch
   * @return {@code true} when filled; {@code false} to leave the item out silently (e.g. it was
   *     rejected and reported before)
   * @throws RejectedItemException to leave the item out, reported in {@link Batch#rejected()}
   */
  boolean read(I item, long index, S state, float[] buffer, int row) throws RejectedItemException;
}
