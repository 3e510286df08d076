package org.radioclr.core.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.radioclr.core.RadioclrException;

/**
 * An ordered, bounded, prefetching batch reader: {@code workers} threads read a sequence of input
 * items in chunks of {@code batchSize} into pooled {@code float[]} buffers, ahead of a consumer
 * that takes the batches in input order ({@link Pass#next()}).
 *
 * <p>Order and determinism: a worker first takes a free buffer, then claims the next chunk of the
 * input (batch {@code b} holds items {@code b*batchSize .. (b+1)*batchSize-1}, the last chunk may
 * be smaller), then reads each item with the {@link ItemReader} into row {@code n} (the number of
 * items kept so far). Batches come out in claim order, so with an {@link ItemReader} that is a pure
 * function of the item and its index, the batches are the same whatever the number of workers or
 * their timing. At most {@code buffers} batches are in flight; a batch's buffer comes back with
 * {@link Batch#release()}.
 *
 * <p>Bad items: an item whose reader throws {@link RejectedItemException} is left out and listed in
 * {@link Batch#rejected()}, for the consumer to report on its own thread in input order. Any other
 * exception stops the pass: the first one is thrown by {@link Pass#next()} (an item reader's
 * runtime failure wrapped in a {@link RadioclrException} naming the item; a failure of the input
 * iterator and any {@link Error} as they are), later ones are added to it as suppressed.
 *
 * <p>The input iterator is only used by one thread at a time and never after {@link Pass#close()}
 * returns; no item is read after that either. Close the reader to stop its threads.
 *
 * @param <I> the input items
 * @param <S> per-worker state, made once per worker thread
 */
public final class BatchReader<I, S> implements AutoCloseable {
  private static final long POLL_MILLIS = 20;

  private final int workers;
  private final int batchFloats;
  private final ItemReader<I, S> reader;
  private final BatchFinisher finisher;
  private final Function<? super I, String> describe;
  private final BlockingQueue<float[]> free;
  private final ExecutorService pool;
  private final ThreadLocal<S> state;
  private final String name;

  /**
   * Sets up the threads and buffers; nothing is read yet.
   *
   * @param name names the threads ({@code name-1}, ...) and the errors
   * @param workers reader threads, &ge; 1
   * @param buffers batch buffers in the pool (batches in flight), &ge; 1
   * @param batchFloats floats per buffer, &ge; 0
   * @param state makes a worker's state (called once on each worker thread)
   * @param reader reads one item
   * @param finisher runs on each batch before it is handed over
   * @param describe names an item in error messages (e.g. its file)
   */
  public BatchReader(
      String name,
      int workers,
      int buffers,
      int batchFloats,
      Supplier<? extends S> state,
      ItemReader<I, S> reader,
      BatchFinisher finisher,
      Function<? super I, String> describe) {
    this.name = Objects.requireNonNull(name, "name");
    if (workers < 1 || buffers < 1 || batchFloats < 0) {
      throw new IllegalArgumentException(
          "workers and buffers must be >= 1 and batch floats >= 0, got "
              + workers
              + ", "
              + buffers
              + ", "
              + batchFloats);
    }
    this.workers = workers;
    this.batchFloats = batchFloats;
    this.reader = Objects.requireNonNull(reader, "reader");
    this.finisher = Objects.requireNonNull(finisher, "finisher");
    this.describe = Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(state, "state");
    this.state = ThreadLocal.withInitial(state::get);
    this.free = new ArrayBlockingQueue<>(buffers);
    for (int i = 0; i < buffers; i++) {
      free.add(new float[batchFloats]);
    }
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, name + "-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Floats per batch buffer. */
  public int batchFloats() {
    return batchFloats;
  }

  /**
   * Starts reading {@code items} in batches of {@code batchSize} (the last one may be smaller);
   * close the pass before starting the next one.
   */
  public Pass pass(Iterator<? extends I> items, int batchSize) {
    Objects.requireNonNull(items, "items");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    return new Pass(items, batchSize);
  }

  /** Stops the worker threads and waits for them. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException(name + " threads did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One pass over an input sequence: its batches, in order. Used by one consumer thread. */
  public final class Pass implements AutoCloseable {
    private final Iterator<? extends I> source;
    private final int batchSize;
    private final Map<Long, Batch<I>> ready = new HashMap<>();
    private long claimed;
    private long nextItem;
    private boolean exhausted;
    private boolean closed;
    private int active;
    private Throwable failure;
    private long nextTake;
    private long waitNanos;

    private Pass(Iterator<? extends I> source, int batchSize) {
      this.source = source;
      this.batchSize = batchSize;
      for (int w = 0; w < workers; w++) {
        pool.execute(this::work);
      }
    }

    /** Total time {@link #next()} has blocked waiting for data, in nanoseconds. */
    public long waitNanos() {
      return waitNanos;
    }

    /**
     * The next batch in input order, waiting for it if needed; {@code null} after the last.
     *
     * @throws RuntimeException the first failure of the pass (see the class comment)
     */
    public Batch<I> next() {
      long start = System.nanoTime();
      try {
        synchronized (this) {
          while (true) {
            if (closed) {
              throw new IllegalStateException(name + ": pass already closed");
            }
            Batch<I> b = ready.remove(nextTake);
            if (b != null) {
              nextTake++;
              return b;
            }
            if (failure != null) {
              throw rethrow(failure);
            }
            if (exhausted && nextTake >= claimed) {
              return null;
            }
            try {
              wait();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new RadioclrException(name + ": interrupted while waiting for data", e);
            }
          }
        }
      } finally {
        waitNanos += System.nanoTime() - start;
      }
    }

    private RuntimeException rethrow(Throwable t) {
      if (t instanceof RuntimeException r) {
        return r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      return new RadioclrException(name + " failed: " + t, t);
    }

    private void work() {
      synchronized (this) {
        if (closed) {
          return;
        }
        active++;
      }
      try {
        while (true) {
          float[] buffer = takeBuffer();
          if (buffer == null) {
            return;
          }
          List<I> chunk = new ArrayList<>(batchSize);
          long batch;
          long first;
          synchronized (this) {
            if (closed || failure != null || exhausted) {
              free.add(buffer);
              return;
            }
            first = nextItem;
            try {
              while (chunk.size() < batchSize && source.hasNext()) {
                chunk.add(source.next());
              }
            } catch (RuntimeException | Error e) {
              free.add(buffer);
              fail(e);
              return;
            }
            if (chunk.size() < batchSize) {
              exhausted = true;
              notifyAll();
            }
            if (chunk.isEmpty()) {
              free.add(buffer);
              return;
            }
            nextItem += chunk.size();
            batch = claimed++;
          }
          Batch<I> filled;
          try {
            filled = fill(batch, first, chunk, buffer);
          } catch (RuntimeException | Error e) {
            free.add(buffer);
            synchronized (this) {
              fail(e);
            }
            return;
          }
          synchronized (this) {
            if (closed) {
              filled.release();
              return;
            }
            ready.put(batch, filled);
            notifyAll();
          }
        }
      } finally {
        synchronized (this) {
          active--;
          notifyAll();
        }
      }
    }

    /** A free buffer, or null once the pass is closed or failed (or the thread interrupted). */
    private float[] takeBuffer() {
      try {
        while (true) {
          float[] buffer = free.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
          synchronized (this) {
            if (closed || failure != null) {
              if (buffer != null) {
                free.add(buffer);
              }
              return null;
            }
          }
          if (buffer != null) {
            return buffer;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    /** Keeps the first failure; later ones are suppressed in it. Holds the lock. */
    private void fail(Throwable t) {
      if (failure == null) {
        failure = t;
      } else if (failure != t) {
        failure.addSuppressed(t);
      }
      notifyAll();
    }

    private Batch<I> fill(long batch, long first, List<I> chunk, float[] buffer) {
      S s = state.get();
      List<I> kept = new ArrayList<>(chunk.size());
      List<Rejected<I>> rejected = new ArrayList<>();
      for (int k = 0; k < chunk.size(); k++) {
        I item = chunk.get(k);
        long index = first + k;
        try {
          if (reader.read(item, index, s, buffer, kept.size())) {
            kept.add(item);
          }
        } catch (RejectedItemException e) {
          rejected.add(new Rejected<>(item, index, e.reason()));
        } catch (RuntimeException e) {
          throw new RadioclrException(
              name + ": reading " + describe.apply(item) + " failed: " + e.getMessage(), e);
        }
      }
      finisher.finish(buffer, kept.size());
      return new Batch<>(batch, kept, rejected, buffer, free::add);
    }

    /**
     * Stops the pass: no item is read and the input is not touched once this returns; batches not
     * taken go back to the pool.
     *
     * @throws IllegalStateException when a worker is still busy after a minute
     */
    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        notifyAll();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        boolean interrupted = false;
        while (active > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new IllegalStateException(name + " threads did not stop within a minute");
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        for (Batch<I> b : ready.values()) {
          b.release();
        }
        ready.clear();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
