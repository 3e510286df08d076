package org.radioclr.nn.features;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.batch.Batch;
import org.radioclr.core.batch.BatchFinisher;
import org.radioclr.core.batch.BatchReader;
import org.radioclr.core.batch.Rejected;
import org.radioclr.core.batch.RejectedItemException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.formats.table.FeatureColumns;
import org.radioclr.formats.table.FeatureTableWriter;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

/**
 * Runs a trained {@link SimclrModel} on every image of a datalist and hands one feature row per
 * image to a sink or a feature table (paper §2.4: the encoder's output is the representation every
 * downstream task uses).
 *
 * <p>Per image: the entry's first file is read ({@link FitsReader}), pre-processed with the
 * checkpoint's own configuration (no augmentation) into {@code [C][S][S]} floats in [0, 1], and
 * batched {@code [N][C][S][S]}; the network runs in inference mode (batch norm uses its running
 * statistics), so the same image gives the same numbers whatever else is in the batch, up to float
 * rounding. The output is the encoder's {@code [N][512]} features, or with {@link
 * FeatureOptions#projection()} the head's {@code [N][outputDim]} projections; with {@link
 * FeatureOptions#dihedral()} each row is the mean over the image's 8 orientations.
 *
 * <p>Streaming: the datalist is read one entry at a time; {@link FeatureOptions#workers()} reader
 * threads of a {@link BatchReader} each fill a whole batch (read + pre-process) while the model
 * runs on an earlier one, with at most {@code workers + 1} batches in flight and their buffers
 * reused, and rows go to the sink in datalist order as each batch finishes, so memory stays flat
 * with the number of images. Images that cannot be read or pre-processed are skipped and listed in
 * the {@link ExtractionSummary}, or fail the run with {@link FeatureOptions#strict()}.
 *
 * <p>Owns its model and native memory: use in try-with-resources. Not thread-safe.
 */
public final class FeatureExtractor implements AutoCloseable {
  private final Model model;
  private final Block block;
  private final NDManager manager;
  private final ParameterStore parameters;
  private final PreprocessConfig preprocess;
  private final FeatureOptions options;
  private final int channels;
  private final int imageSize;
  private final int dimension;
  private final int outputIndex;
  private final Path source;
  private final boolean ownsModel;

  private FeatureExtractor(
      Model model,
      PreprocessConfig preprocess,
      FeatureOptions options,
      int projectionDim,
      Path source,
      boolean ownsModel) {
    this.model = model;
    this.ownsModel = ownsModel;
    this.block = model.getBlock();
    this.preprocess = preprocess;
    this.options = Objects.requireNonNull(options, "options");
    this.channels = preprocess.channelCount();
    this.imageSize = preprocess.outputWidth();
    this.outputIndex = options.projection() ? SimclrModel.PROJECTIONS : SimclrModel.FEATURES;
    this.dimension = options.projection() ? projectionDim : ResNet18Config.FEATURE_DIM;
    this.manager = model.getNDManager().newSubManager();
    this.parameters = new ParameterStore(manager, false);
    this.source = source;
  }

  /**
   * Loads a checkpoint, or a run's latest complete checkpoint, on {@link Engines#bestDevice()}.
   *
   * @throws BadInputException naming the folder or file when it is missing, incomplete, or its
   *     parameters do not match its {@code model-config.json}
   */
  public static FeatureExtractor open(Path runOrCheckpoint, FeatureOptions options) {
    LoadedModel loaded = Checkpoint.load(runOrCheckpoint, Engines.bestDevice());
    return new FeatureExtractor(
        loaded.model(),
        loaded.config().effectivePreprocess(),
        options,
        loaded.config().head().outputDim(),
        loaded.folder(),
        true);
  }

  /**
   * An extractor over a model loaded once and shared, e.g. by the tasks of one Spark executor: like
   * DJL's predictors, each extractor has its own native-memory manager and parameter store and runs
   * the shared network in inference mode (its parameters are only read), so one extractor per
   * thread may run at the same time. Closing it frees its own memory and leaves the model open: the
   * caller closes {@code loaded}, after every extractor over it.
   */
  public static FeatureExtractor sharing(LoadedModel loaded, FeatureOptions options) {
    return new FeatureExtractor(
        loaded.model(),
        loaded.config().effectivePreprocess(),
        options,
        loaded.config().head().outputDim(),
        loaded.folder(),
        false);
  }

  /**
   * Wraps an initialised model (whose block is a {@link SimclrModel}) and takes ownership of it: it
   * is closed with this extractor. For benchmarks and for callers that loaded a checkpoint
   * themselves.
   *
   * @param preprocess pre-processing; must resize to a square image
   * @param projectionDim the head's output width
   */
  public static FeatureExtractor of(
      Model model, PreprocessConfig preprocess, FeatureOptions options, int projectionDim) {
    if (!(model.getBlock() instanceof SimclrModel)) {
      throw new IllegalArgumentException(
          "the model's block must be a SimclrModel, got " + model.getBlock());
    }
    if (!preprocess.resize() || preprocess.outputWidth() != preprocess.outputHeight()) {
      throw new IllegalArgumentException(
          "pre-processing must resize to a square image, got resize "
              + preprocess.resize()
              + ", "
              + preprocess.outputWidth()
              + "x"
              + preprocess.outputHeight());
    }
    return new FeatureExtractor(model, preprocess, options, projectionDim, null, true);
  }

  /** Number of columns of a feature row (512, or the head's output width). */
  public int dimension() {
    return dimension;
  }

  /** Side of the square images the network sees. */
  public int imageSize() {
    return imageSize;
  }

  /** Values of one pre-processed image: {@code channels * imageSize * imageSize}. */
  public int imageFloats() {
    return channels * imageSize * imageSize;
  }

  /** The pre-processing applied to every image. */
  public PreprocessConfig preprocess() {
    return preprocess;
  }

  /** The settings. */
  public FeatureOptions options() {
    return options;
  }

  /** The checkpoint folder loaded by {@link #open} or {@link #sharing}, or null for {@link #of}. */
  public Path checkpoint() {
    return source;
  }

  /**
   * Runs the network on {@code count} pre-processed images.
   *
   * @param images {@code [count][C][S][S]} floats from index 0 (the array may be longer)
   * @return {@code [count][dimension]} row-major
   */
  public float[] infer(float[] images, int count) {
    int size = imageFloats();
    Objects.checkFromIndexSize(0, Math.multiplyExact(count, size), images.length);
    if (count == 0) {
      return new float[0];
    }
    try (NDManager batch = manager.newSubManager()) {
      NDArray x =
          batch.create(
              FloatBuffer.wrap(images, 0, count * size),
              new Shape(count, channels, imageSize, imageSize));
      if (!options.dihedral()) {
        return block.forward(parameters, new NDList(x), false).get(outputIndex).toFloatArray();
      }
      NDArray views = NDArrays.concat(dihedralViews(x));
      NDArray out = block.forward(parameters, new NDList(views), false).get(outputIndex);
      return out.reshape(DIHEDRAL_VIEWS, count, dimension).mean(new int[] {0}).toFloatArray();
    }
  }

  /** Orientations averaged with {@link FeatureOptions#dihedral()}. */
  static final int DIHEDRAL_VIEWS = 8;

  /**
   * The 8 orientations of a {@code [N][C][S][S]} batch: rotations by 0, 90, 180 and 270 degrees
   * (transpose the two image axes, then flip the columns), then the same four mirrored.
   */
  static NDList dihedralViews(NDArray x) {
    NDList views = new NDList(DIHEDRAL_VIEWS);
    NDArray rotated = x;
    for (int k = 0; k < DIHEDRAL_VIEWS / 2; k++) {
      views.add(rotated);
      rotated = rotated.transpose(0, 1, 3, 2).flip(3);
    }
    for (int k = 0; k < DIHEDRAL_VIEWS / 2; k++) {
      views.add(views.get(k).flip(3));
    }
    return views;
  }

  /**
   * Extracts the features of every image of {@code datalist} into a feature table ({@code .parquet}
   * or {@code .csv}, by extension), written atomically; its extra columns are those of the first
   * entry.
   *
   * @throws BadInputException for an unknown extension, a broken datalist, (strict) a bad image, or
   *     when no row at all comes out (an empty datalist, or every image skipped): naming the
   *     datalist and why; any earlier table at {@code out} is then left as it was
   */
  public ExtractionSummary extract(Path datalist, Path out, ProgressListener progress) {
    return extract(datalist, null, out, progress);
  }

  /**
   * Extracts the features of one {@link Shard}'s entries of {@code datalist} into {@code out}, the
   * shard's part. The shard's block is counted in whole batches of {@link
   * FeatureOptions#batchSize()} entries (the datalist's {@code ceil(n / batch)} batches are split
   * as {@link Shard} splits items), so every image runs in the same batch as in one process with
   * the same batch size and gets bit-identical features; the columns are those of the datalist's
   * first entry, as for the whole datalist. The parts merged in shard order are thus the table of
   * {@link #extract(Path, Path, ProgressListener)}. A shard with no entry, or whose images are all
   * skipped, writes a table without rows. With a null shard this is {@link #extract(Path, Path,
   * ProgressListener)}.
   */
  public ExtractionSummary extract(
      Path datalist, Shard shard, Path out, ProgressListener progress) {
    FeatureTableWriter.formatOf(out);
    long total = shard == null ? -1 : countEntries(datalist);
    try (DatalistReader reader = DatalistReader.open(datalist)) {
      DatalistEntry first = reader.hasNext() ? reader.next() : null;
      if (first == null) {
        throw new BadInputException(
            datalist, "no feature row: the datalist has no entry; nothing written to " + out);
      }
      FeatureColumns columns = FeatureColumns.of(first, dimension);
      try (FeatureTableWriter writer = FeatureTableWriter.open(out, columns)) {
        Iterator<DatalistEntry> entries = prepend(first, reader);
        if (shard != null) {
          // whole batches: each image then runs in the same batch as in one process, and the
          // network gives bit-identical features (a batch of other size may round differently)
          long batch = options.batchSize();
          long batches = (total + batch - 1) / batch;
          entries =
              block(
                  entries,
                  Math.min(total, shard.first(batches) * batch),
                  Math.min(total, shard.end(batches) * batch));
        }
        ExtractionSummary summary = extract(entries, writer::write, progress);
        if (summary.rows() == 0 && shard == null) {
          throw noRow(datalist, out, summary);
        }
        writer.commit();
        return summary;
      }
    }
  }

  /**
   * The one error of an extraction (of {@code datalist} into {@code out}) where every image was
   * skipped.
   */
  public static BadInputException noRow(Path datalist, Path out, ExtractionSummary summary) {
    List<SkippedImages.Entry> skipped = summary.skipped();
    SkippedImages.Entry first = skipped.get(0);
    String which =
        skipped.size() == 1
            ? "its only image was skipped"
            : "all " + skipped.size() + " images were skipped";
    return new BadInputException(
        datalist,
        "no feature row: "
            + which
            + " (first: "
            + first.sname()
            + ", "
            + first.file()
            + ": "
            + first.detail()
            + "); nothing written to "
            + out);
  }

  private static long countEntries(Path datalist) {
    long n = 0;
    try (DatalistReader reader = DatalistReader.open(datalist)) {
      while (reader.hasNext()) {
        reader.next();
        n++;
      }
    }
    return n;
  }

  /** Entries {@code [first, end)} of {@code all}. */
  private static Iterator<DatalistEntry> block(Iterator<DatalistEntry> all, long first, long end) {
    for (long i = 0; i < first && all.hasNext(); i++) {
      all.next();
    }
    return new Iterator<>() {
      private long at = first;

      @Override
      public boolean hasNext() {
        return at < end && all.hasNext();
      }

      @Override
      public DatalistEntry next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        at++;
        return all.next();
      }
    };
  }

  private static Iterator<DatalistEntry> prepend(
      DatalistEntry first, Iterator<DatalistEntry> rest) {
    return new Iterator<>() {
      private DatalistEntry head = first;

      @Override
      public boolean hasNext() {
        return head != null || rest.hasNext();
      }

      @Override
      public DatalistEntry next() {
        if (head != null) {
          DatalistEntry e = head;
          head = null;
          return e;
        }
        return rest.next();
      }
    };
  }

  /**
   * Extracts the features of every entry, handing rows to {@code sink} in order on this thread.
   *
   * @param progress told the number of images done (read, failed or not), total unknown
   */
  public ExtractionSummary extract(
      Iterator<DatalistEntry> entries, RowSink sink, ProgressListener progress) {
    long start = System.nanoTime();
    List<SkippedImages.Entry> skipped = new ArrayList<>();
    long rows = 0;
    BatchReader<DatalistEntry, Preprocessor> reader =
        new BatchReader<>(
            "features-reader",
            options.workers(),
            options.workers() + 1,
            Math.multiplyExact(options.batchSize(), imageFloats()),
            () -> new Preprocessor(preprocess),
            this::read,
            BatchFinisher.NONE,
            entry -> entry.files().get(0).toString());
    BatchReader<DatalistEntry, Preprocessor>.Pass pass = null;
    progress.start("extracting features", -1);
    Throwable failure = null;
    try {
      pass = reader.pass(entries, options.batchSize());
      Batch<DatalistEntry> batch;
      while ((batch = pass.next()) != null) {
        List<SkippedImages.Entry> bad = new ArrayList<>(batch.rejected().size());
        for (Rejected<DatalistEntry> r : batch.rejected()) {
          bad.add(SkippedImages.entry(r.item().files().get(0), r.item().sname(), r.reason()));
        }
        if (options.strict() && !bad.isEmpty()) {
          throw new BadInputException(bad.get(0).file(), bad.get(0).detail());
        }
        skipped.addAll(bad);
        int n = batch.size();
        float[] features = infer(batch.data(), n);
        for (int i = 0; i < n; i++) {
          sink.accept(batch.items().get(i), features, i * dimension);
        }
        rows += n;
        batch.release();
        progress.advance(n + bad.size());
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      BatchReader<DatalistEntry, Preprocessor>.Pass started = pass;
      cleanUp(
          failure,
          () -> {
            if (started != null) {
              started.close();
            }
          },
          reader::close,
          progress::finish);
    }
    return new ExtractionSummary(rows, skipped, (System.nanoTime() - start) / 1e9);
  }

  /** Reads and pre-processes one entry's first file into row {@code row}. */
  private boolean read(
      DatalistEntry entry, long index, Preprocessor preprocessor, float[] images, int row)
      throws RejectedItemException {
    try {
      preprocessor.processInto(
          FitsReader.read(entry.files().get(0)).plane(), images, row * imageFloats());
      return true;
    } catch (RadioclrException | IllegalArgumentException e) {
      throw new RejectedItemException(e);
    }
  }

  /**
   * Runs every clean-up step, whatever happens. After a {@code failure}, a step's own failure is
   * added to it as suppressed (the first failure is the one that counts, the one thrown); without
   * one, the first step failure is thrown once all steps have run, later ones suppressed in it.
   */
  static void cleanUp(Throwable failure, Runnable... steps) {
    Throwable first = failure;
    RuntimeException ownRuntime = null;
    Error ownError = null;
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException | Error e) {
        if (first == null) {
          first = e;
          if (e instanceof RuntimeException r) {
            ownRuntime = r;
          } else {
            ownError = (Error) e;
          }
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (ownRuntime != null) {
      throw ownRuntime;
    }
    if (ownError != null) {
      throw ownError;
    }
  }

  @Override
  public void close() {
    manager.close();
    if (ownsModel) {
      model.close();
    }
  }
}
