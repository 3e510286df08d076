package org.radioclr.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.classify.knn.KnnAccuracy;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

/**
 * The per-epoch kNN validation of a training run: the images of a small labelled datalist,
 * pre-processed once (the run's pre-processing, no augmentation) into {@code [N][C][S][S]} floats,
 * and their labels (each entry's first label) as class indices. {@link #accuracy} runs the encoder
 * on them in inference mode (batch norm uses its running statistics and updates nothing; no
 * gradient is recorded; no random number is drawn), so validating does not change the training.
 */
final class KnnValidation {
  private static final int BATCH = 32;

  private final Path datalist;
  private final float[] images;
  private final int[] labels;
  private final int count;
  private final int channels;
  private final int side;
  private final int k;

  private KnnValidation(
      Path datalist, float[] images, int[] labels, int channels, int side, int k) {
    this.datalist = datalist;
    this.images = images;
    this.labels = labels;
    this.count = labels.length;
    this.channels = channels;
    this.side = side;
    this.k = k;
  }

  /**
   * Reads and pre-processes every image of a labelled datalist.
   *
   * @throws BadInputException naming the datalist or image: an entry without a label, a missing or
   *     unreadable image, fewer than two images
   */
  static KnnValidation load(Path datalist, PreprocessConfig preprocess, int k) {
    List<DatalistEntry> entries = DatalistReader.readAll(datalist);
    if (entries.size() < 2) {
      throw new BadInputException(
          datalist, "validation needs at least 2 labelled images, got " + entries.size());
    }
    Preprocessor pre = new Preprocessor(preprocess);
    int channels = preprocess.channelCount();
    int side = preprocess.outputWidth();
    int size = channels * side * side;
    float[] images = new float[Math.multiplyExact(entries.size(), size)];
    int[] labels = new int[entries.size()];
    Map<String, Integer> classes = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      DatalistEntry e = entries.get(i);
      if (e.labels().isEmpty()) {
        throw new BadInputException(
            datalist,
            "data[" + i + "] (sname " + e.sname() + ") has no label; validation needs labels");
      }
      labels[i] = classes.computeIfAbsent(e.labels().get(0), key -> classes.size());
      Path file = e.files().get(0);
      try {
        pre.processInto(FitsReader.read(file).plane(), images, i * size);
      } catch (BadInputException ex) {
        throw ex;
      } catch (RadioclrException | IllegalArgumentException ex) {
        throw new BadInputException(file, "validation image: " + ex.getMessage(), ex);
      }
    }
    return new KnnValidation(
        datalist.toAbsolutePath().normalize(), images, labels, channels, side, k);
  }

  /** The validation datalist. */
  Path datalist() {
    return datalist;
  }

  /** Number of validation images. */
  int count() {
    return count;
  }

  /**
   * Leave-one-out kNN accuracy of the encoder features of the validation images.
   *
   * @param manager a manager of the model's device; arrays made here are closed before returning
   */
  double accuracy(SimclrModel block, ParameterStore parameters, NDManager manager) {
    int dim = ResNet18Config.FEATURE_DIM;
    int size = channels * side * side;
    float[] features = new float[count * dim];
    for (int start = 0; start < count; start += BATCH) {
      int n = Math.min(BATCH, count - start);
      try (NDManager scope = manager.newSubManager()) {
        NDArray x =
            scope.create(
                FloatBuffer.wrap(Arrays.copyOfRange(images, start * size, (start + n) * size)),
                new Shape(n, channels, side, side));
        NDList out = block.forward(parameters, new NDList(x), false);
        float[] f = out.get(SimclrModel.FEATURES).toFloatArray();
        System.arraycopy(f, 0, features, start * dim, n * dim);
      }
    }
    return KnnAccuracy.leaveOneOut(features, count, dim, labels, k);
  }
}
