package org.radioclr.nn.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.augment.AugmentView;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.augment.ViewRandom;
import org.radioclr.core.batch.BatchReader;
import org.radioclr.core.batch.Rejected;
import org.radioclr.core.batch.RejectedItemException;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;

/**
 * The SimCLR data pipeline: worker threads read each image's FITS file, pre-process it ({@link
 * Preprocessor}, output {@code C x S x S}) and augment it twice into pooled batch buffers, ahead of
 * the model, which takes the batches in order.
 *
 * <p>A batch buffer holds {@code 2B x C x S x S} floats ({@code [2B][C][S][S]}, values in [0, 1]):
 * the first views of the batch's images (rows {@code 0..n-1}) then their second views (rows {@code
 * n..2n-1}), where {@code n} is {@link Batch#pairs()}; that is the layout {@link
 * org.radioclr.nn.loss.NtXentLoss} expects. View {@code v} (0 or 1) of image {@code i} (its index
 * in the datalist) in epoch {@code e} is augmented with {@link ViewRandom#of ViewRandom.of(seed, e,
 * i, v)}, so batches do not depend on the number of workers or their timing.
 *
 * <p>Epoch order: {@link #order(int, long, int)}, a Fisher-Yates shuffle driven by {@code new
 * SplittableRandom(seed ^ (0x9e3779b97f4a7c15 * (epoch + 1)))}. Each epoch has {@code floor(N / B)}
 * batches (the incomplete last batch is dropped, as SimCLR's loaders do). An image that cannot be
 * read or pre-processed is recorded once in the {@link SkippedImages} and left out of its batch
 * (which then has fewer pairs) and of every later batch.
 *
 * <p>The threads, buffers and ordering are those of the shared {@link BatchReader}: workers claim
 * batches in increasing order and only after taking a free buffer, so the batch the model waits for
 * is always being prepared: at most {@code buffers} batches are in flight.
 */
public final class PairBatches implements AutoCloseable {
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private final List<Path> images;
  private final PreprocessConfig preprocess;
  private final AugmentationPipeline augmentation;
  private final int batchSize;
  private final long seed;
  private final int channels;
  private final int side;
  private final int viewSize;
  private final Set<Integer> failed = ConcurrentHashMap.newKeySet();
  private final SkippedImages skipped;
  private final BatchReader<Pick, WorkerState> reader;

  /**
   * Sets up the pipeline (no image is read yet).
   *
   * @param images one FITS file per image, in datalist order (index = image number)
   * @param preprocess the pre-processing; it must resize to a square side
   * @param augmentation the augmentations of each view
   * @param batchSize images per batch, &ge; 1
   * @param seed the run's seed
   * @param workers worker threads, &ge; 1
   * @param buffers batch buffers in the pool (batches prepared ahead), &ge; 1
   * @param skipped records each image that fails, once (from worker threads)
   */
  public PairBatches(
      List<Path> images,
      PreprocessConfig preprocess,
      AugmentationPipeline augmentation,
      int batchSize,
      long seed,
      int workers,
      int buffers,
      SkippedImages skipped) {
    this.images = List.copyOf(images);
    this.preprocess = Objects.requireNonNull(preprocess, "preprocess");
    this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
    this.skipped = Objects.requireNonNull(skipped, "skipped");
    if (!preprocess.resize() || preprocess.outputWidth() != preprocess.outputHeight()) {
      throw new IllegalArgumentException(
          "pre-processing must resize to a square, got resize "
              + preprocess.resize()
              + " "
              + preprocess.outputWidth()
              + "x"
              + preprocess.outputHeight());
    }
    if (batchSize < 1 || workers < 1 || buffers < 1) {
      throw new IllegalArgumentException(
          "batch size, workers and buffers must be >= 1, got "
              + batchSize
              + ", "
              + workers
              + ", "
              + buffers);
    }
    this.batchSize = batchSize;
    this.seed = seed;
    this.channels = preprocess.channelCount();
    this.side = preprocess.outputWidth();
    augmentation.checkShape(channels, side, side);
    this.viewSize = channels * side * side;
    this.reader =
        new BatchReader<>(
            "radioclr-batches",
            workers,
            buffers,
            Math.multiplyExact(2 * batchSize, viewSize),
            () -> new WorkerState(preprocess, viewSize),
            this::read,
            this::closeGap,
            pick -> this.images.get(pick.image()).toString());
  }

  /** Full batches per epoch: {@code floor(images / batchSize)}. */
  public int batchesPerEpoch() {
    return images.size() / batchSize;
  }

  /** Floats per view: {@code C * S * S}. */
  public int viewSize() {
    return viewSize;
  }

  /** Channels of a view. */
  public int channels() {
    return channels;
  }

  /** Side of a view in pixels. */
  public int side() {
    return side;
  }

  /** How many images have failed so far. */
  public int failedImages() {
    return failed.size();
  }

  /**
   * The image order of an epoch: a Fisher-Yates shuffle of {@code 0..n-1} driven by {@code new
   * SplittableRandom(seed ^ (0x9e3779b97f4a7c15L * (epoch + 1)))}.
   */
  public static int[] order(int n, long seed, int epoch) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed ^ (GOLDEN * (epoch + 1L)));
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Starts preparing the batches of {@code epoch}; close the result before the next epoch. */
  public Epoch epoch(int epoch) {
    return new Epoch(epoch, 0);
  }

  /**
   * Starts preparing the batches of {@code epoch} from batch {@code firstBatch} on (a run resumed
   * in the middle of an epoch): the batches are the same as those of {@link #epoch(int)} with the
   * same index.
   */
  public Epoch epoch(int epoch, int firstBatch) {
    if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
      throw new IllegalArgumentException(
          "firstBatch must be in [0, " + batchesPerEpoch() + "], got " + firstBatch);
    }
    return new Epoch(epoch, firstBatch);
  }

  @Override
  public void close() {
    reader.close();
  }

  /**
   * Reads, pre-processes and augments image {@code image} twice into row {@code row} of the first
   * and of the second block; an image that failed before is left out silently.
   */
  private boolean read(Pick pick, long index, WorkerState ws, float[] buffer, int row)
      throws RejectedItemException {
    int image = pick.image();
    if (failed.contains(image)) {
      return false;
    }
    try {
      Plane plane = FitsReader.read(images.get(image)).plane();
      ws.preprocessor.processInto(plane, ws.cube, 0);
    } catch (RadioclrException e) {
      if (failed.add(image)) {
        throw new RejectedItemException(e);
      }
      return false;
    }
    Cube cube = new Cube(channels, side, side, ws.cube);
    int e = pick.epoch();
    augmentation.applyInto(cube, ViewRandom.of(seed, e, image, 0), ws.view, buffer, row * viewSize);
    augmentation.applyInto(
        cube,
        ViewRandom.of(seed, e, image, 1),
        ws.view,
        buffer,
        batchSize * viewSize + row * viewSize);
    return true;
  }

  /** Moves the second views next to the first ones when images failed. */
  private void closeGap(float[] buffer, int pairs) {
    if (pairs < batchSize) {
      System.arraycopy(buffer, batchSize * viewSize, buffer, pairs * viewSize, pairs * viewSize);
    }
  }

  /**
   * One prepared batch; give it back with {@link #release()} once its data has been copied.
   *
   * @param index the batch's number in its epoch
   * @param pairs images in the batch (rows {@code 0..pairs-1} first views, {@code pairs..2*pairs-1}
   *     second views); below the batch size when images failed
   * @param data the buffer ({@code [2B][C][S][S]}, only the first {@code 2 * pairs} rows used)
   */
  public record Batch(int index, int pairs, float[] data, org.radioclr.core.batch.Batch<?> source) {
    /** Returns the buffer to the pool (once; later calls do nothing). */
    public void release() {
      source.release();
    }
  }

  /** The batches of one epoch, in order. */
  public final class Epoch implements AutoCloseable {
    private final int count;
    private final BatchReader<Pick, WorkerState>.Pass pass;
    private final int firstBatch;

    private Epoch(int epoch, int firstBatch) {
      this.count = batchesPerEpoch();
      this.firstBatch = firstBatch;
      int[] order = order(images.size(), seed, epoch);
      List<Pick> items =
          Arrays.stream(order, firstBatch * batchSize, count * batchSize)
              .mapToObj(image -> new Pick(epoch, image))
              .toList();
      this.pass = reader.pass(items.iterator(), batchSize);
    }

    /** Batches in this epoch. */
    public int batches() {
      return count;
    }

    /** Total time {@link #next()} has blocked waiting for data, in nanoseconds. */
    public long waitNanos() {
      return pass.waitNanos();
    }

    /**
     * The next batch in order, waiting for it if needed; {@code null} after the last. Images that
     * failed in this batch are recorded in the {@link SkippedImages} first.
     *
     * @throws RadioclrException when a worker failed unexpectedly (cause attached)
     */
    public Batch next() {
      org.radioclr.core.batch.Batch<Pick> b = pass.next();
      if (b == null) {
        return null;
      }
      for (Rejected<Pick> r : b.rejected()) {
        skipped.add(images.get(r.item().image()), null, r.reason());
      }
      return new Batch(firstBatch + (int) b.index(), b.size(), b.data(), b);
    }

    /** Stops the workers of this epoch and returns unused buffers to the pool. */
    @Override
    public void close() {
      pass.close();
    }
  }

  /** Image {@code image} of the datalist, in epoch {@code epoch}. */
  private record Pick(int epoch, int image) {}

  private static final class WorkerState {
    final Preprocessor preprocessor;
    final AugmentView view = new AugmentView();
    final float[] cube;

    WorkerState(PreprocessConfig config, int viewSize) {
      this.preprocessor = new Preprocessor(config);
      this.cube = new float[viewSize];
    }
  }
}
