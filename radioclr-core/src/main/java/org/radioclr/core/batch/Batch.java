package org.radioclr.core.batch;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One batch prepared by a {@link BatchReader}: a pooled float buffer whose first {@link #size()}
 * rows hold the kept items (in input order), with the items themselves as per-row metadata. Give
 * the buffer back with {@link #release()} once its data has been copied (idempotent).
 *
 * @param <I> the input items
 */
public final class Batch<I> {
  private final long index;
  private final List<I> items;
  private final List<Rejected<I>> rejected;
  private final float[] data;
  private final Consumer<float[]> pool;
  private final AtomicBoolean released = new AtomicBoolean();

  Batch(
      long index, List<I> items, List<Rejected<I>> rejected, float[] data, Consumer<float[]> pool) {
    this.index = index;
    this.items = List.copyOf(items);
    this.rejected = List.copyOf(rejected);
    this.data = data;
    this.pool = pool;
  }

  /** The batch's number in its pass, from 0. */
  public long index() {
    return index;
  }

  /** Rows filled: the number of kept items. */
  public int size() {
    return items.size();
  }

  /** The kept items, row by row. */
  public List<I> items() {
    return items;
  }

  /** The items left out with a reason, in input order. */
  public List<Rejected<I>> rejected() {
    return rejected;
  }

  /** The buffer (its length is the reader's batch floats; only the filled rows are meaningful). */
  public float[] data() {
    return data;
  }

  /** Returns the buffer to the pool; later calls do nothing. */
  public void release() {
    if (released.compareAndSet(false, true)) {
      pool.accept(data);
    }
  }
}
