package org.radioclr.classify.net;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.TorchvisionNames;
import org.radioclr.nn.weights.TorchvisionWeights;

/**
 * The downstream classifier of paper §3.2–3.3: a ResNet18 encoder followed by one linear layer to
 * the classes, with a softmax over the classes (single-label data sets) or one sigmoid per class
 * (multi-label data sets, whose entries carry label lists).
 *
 * <p>Input {@code [N][C][S][S]} float32 pre-processed images ({@link EncoderShape}); encoder
 * features {@code [N][512]}; logits and probabilities {@code [N][classes]}. The encoder starts from
 * a SimCLR checkpoint's encoder weights, from random weights (seeded), or from a torchvision-naming
 * safetensors file ({@link EncoderInit}); the linear layer always starts random (seeded).
 *
 * <p>Saved as a <b>classifier folder</b>: {@code classifier.json} ({@link ClassifierSpec}), {@code
 * classifier-0000.params} (DJL parameters of the whole network) and {@code provenance.json},
 * written into a temporary sibling folder and renamed into place.
 *
 * <p>Owns its DJL model and native memory: use in try-with-resources. Not thread-safe.
 */
public final class ClassifierNet implements AutoCloseable {
  /** The DJL model name and parameter-file prefix. */
  public static final String MODEL_NAME = "classifier";

  /** The parameter file of a classifier folder. */
  public static final String PARAMS_FILE = "classifier-0000.params";

  /** The classifier folder inside a training run. */
  public static final String RUN_FOLDER = "classifier";

  private final Model model;
  private final ClassifierBlock block;
  private final ClassifierSpec spec;
  private final ParameterStore inference;

  private ClassifierNet(Model model, ClassifierBlock block, ClassifierSpec spec) {
    this.model = model;
    this.block = block;
    this.spec = spec;
    this.inference = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * A new classifier.
   *
   * @param init where the encoder weights come from
   * @param shape the encoder and its input for {@link EncoderInit.Scratch} and {@link
   *     EncoderInit.Torchvision}; ignored (may be null) for a SimCLR checkpoint, whose own shape,
   *     image size and pre-processing are used
   * @param classes the classes (outputs)
   * @param multiLabel sigmoid outputs instead of a softmax
   * @param seed seeds the random weights (the linear layer, and the encoder from scratch)
   * @throws BadInputException naming the checkpoint or file when it is missing or does not fit
   */
  public static ClassifierNet create(
      EncoderInit init, EncoderShape shape, Classes classes, boolean multiLabel, long seed) {
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(classes, "classes");
    return switch (init) {
      case EncoderInit.Simclr s -> fromSimclr(s, classes, multiLabel, seed);
      case EncoderInit.Scratch s ->
          build(
              new ClassifierSpec(requireShape(shape, init), classes, multiLabel, "scratch"), seed);
      case EncoderInit.Torchvision t -> {
        ClassifierNet net =
            build(
                new ClassifierSpec(
                    requireShape(shape, init),
                    classes,
                    multiLabel,
                    t.file().toAbsolutePath().normalize().toString()),
                seed);
        try {
          TorchvisionWeights.load(t.file(), net.block.encoder());
        } catch (RuntimeException e) {
          net.close();
          throw e;
        }
        yield net;
      }
    };
  }

  private static EncoderShape requireShape(EncoderShape shape, EncoderInit init) {
    if (shape == null) {
      throw new IllegalArgumentException(
          "initialisation '" + init.label() + "' needs the encoder's shape and image size");
    }
    return shape;
  }

  private static ClassifierNet fromSimclr(
      EncoderInit.Simclr init, Classes classes, boolean multiLabel, long seed) {
    Path folder = Checkpoint.resolve(init.runOrCheckpoint());
    ModelConfig config = Json.read(folder.resolve(ModelConfig.FILE_NAME), ModelConfig.class);
    ClassifierNet net =
        build(
            new ClassifierSpec(EncoderShape.of(config), classes, multiLabel, folder.toString()),
            seed);
    try (LoadedModel loaded = Checkpoint.load(folder, net.model.getNDManager().getDevice())) {
      Map<String, Parameter> from = TorchvisionNames.of(loaded.network().encoder());
      Map<String, Parameter> to = TorchvisionNames.of(net.block.encoder());
      for (Map.Entry<String, Parameter> e : to.entrySet()) {
        Parameter src = from.get(e.getKey());
        if (src == null || !src.getArray().getShape().equals(e.getValue().getArray().getShape())) {
          throw new BadInputException(folder, "encoder parameter " + e.getKey() + " does not fit");
        }
        e.getValue().getArray().set(src.getArray().toFloatArray());
      }
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private static ClassifierNet build(ClassifierSpec spec, long seed) {
    Engines.pytorch().setRandomSeed((int) seed);
    Model model = Model.newInstance(MODEL_NAME, Engines.bestDevice(), Engines.PYTORCH);
    try {
      ClassifierBlock block = new ClassifierBlock(spec.shape().encoder(), spec.outputs());
      model.setBlock(block);
      int side = spec.shape().imageSize();
      block.initialize(
          model.getNDManager(),
          DataType.FLOAT32,
          new Shape(1, spec.shape().encoder().inputChannels(), side, side));
      return new ClassifierNet(model, block, spec);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Loads a classifier folder, or the {@code classifier/} folder of a training run.
   *
   * @throws BadInputException naming the folder when a file is missing, unreadable, or the
   *     parameters do not fit {@code classifier.json}
   */
  public static ClassifierNet load(Path folderOrRun) {
    Path folder = resolve(folderOrRun);
    ClassifierSpec spec = ClassifierSpec.read(folder.resolve(ClassifierSpec.FILE_NAME));
    ClassifierNet net = build(spec, 0);
    try {
      net.model.load(folder, MODEL_NAME);
    } catch (IOException e) {
      net.close();
      throw new BadInputException(folder, "cannot read " + PARAMS_FILE + ": " + e.getMessage(), e);
    } catch (MalformedModelException | RuntimeException e) {
      net.close();
      throw new BadInputException(
          folder, "parameters do not match " + ClassifierSpec.FILE_NAME + ": " + e.getMessage(), e);
    }
    return net;
  }

  /**
   * The classifier folder of {@code folderOrRun}: itself when it holds {@code classifier.json},
   * else its {@code classifier/} sub-folder.
   *
   * @throws BadInputException naming the path when neither is a complete classifier folder
   */
  public static Path resolve(Path folderOrRun) {
    Path p = folderOrRun.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new BadInputException(p, "no such classifier folder");
    }
    Path folder =
        Files.isRegularFile(p.resolve(ClassifierSpec.FILE_NAME)) ? p : p.resolve(RUN_FOLDER);
    for (String f : List.of(ClassifierSpec.FILE_NAME, PARAMS_FILE)) {
      if (!Files.isRegularFile(folder.resolve(f))) {
        throw new BadInputException(
            p,
            "not a classifier folder (no "
                + (folder.equals(p) ? "" : RUN_FOLDER + "/")
                + f
                + "; classifiers come from 'classify probe' or 'classify finetune')");
      }
    }
    return folder;
  }

  /**
   * Saves this classifier as a new folder, atomically.
   *
   * @throws BadInputException naming the folder when it exists or cannot be written
   */
  public void save(Path folder, Provenance provenance) {
    Path target = folder.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new BadInputException(target, "classifier folder exists already");
    }
    AtomicFiles.ensureDirectory(target.getParent());
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
      model.save(tmp, MODEL_NAME);
      Json.write(tmp.resolve(ClassifierSpec.FILE_NAME), spec);
      provenance.writeTo(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new BadInputException(target, "cannot write classifier: " + e, e);
    } finally {
      if (tmp != null) {
        OutputFolders.tryDeleteTree(tmp);
      }
    }
  }

  /** What this classifier is. */
  public ClassifierSpec spec() {
    return spec;
  }

  /** The classes, in output order. */
  public Classes classes() {
    return spec.classes();
  }

  /** Whether the outputs are independent sigmoids. */
  public boolean multiLabel() {
    return spec.multiLabel();
  }

  /** The encoder and its input. */
  public EncoderShape shape() {
    return spec.shape();
  }

  Model model() {
    return model;
  }

  ClassifierBlock block() {
    return block;
  }

  /** A copy of every encoder parameter (batch-norm running statistics included), by PyTorch key. */
  public Map<String, float[]> encoderWeights() {
    Map<String, float[]> out = new LinkedHashMap<>();
    TorchvisionNames.of(block.encoder()).forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
    return out;
  }

  /** A copy of the linear layer's parameters, by PyTorch key ({@code weight}, {@code bias}). */
  public Map<String, float[]> headWeights() {
    Map<String, float[]> out = new LinkedHashMap<>();
    TorchvisionNames.of(block.fc()).forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
    return out;
  }

  private NDArray input(NDManager scope, float[] images, int count) {
    int side = spec.shape().imageSize();
    int channels = spec.shape().encoder().inputChannels();
    int size = channels * side * side;
    Objects.checkFromIndexSize(0, Math.multiplyExact(count, size), images.length);
    return scope.create(
        FloatBuffer.wrap(images, 0, count * size), new Shape(count, channels, side, side));
  }

  /**
   * Encoder features in inference mode (batch norm on its running statistics).
   *
   * @param images {@code [count][C][S][S]} from index 0
   * @return {@code [count][512]} row-major
   */
  float[] features(float[] images, int count) {
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDList out =
          block.encoder().forward(inference, new NDList(input(scope, images, count)), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }

  /**
   * Class probabilities in inference mode.
   *
   * @param images {@code [count][C][S][S]} from index 0
   * @return {@code [count][classes]}: softmax rows, or independent sigmoids when multi-label
   */
  public float[][] probabilities(float[] images, int count) {
    if (count == 0) {
      return new float[0][];
    }
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDList out = block.forward(inference, new NDList(input(scope, images, count)), false);
      return activate(out.singletonOrThrow().toFloatArray(), count, spec.outputs(), multiLabel());
    }
  }

  /** Probabilities of the head on precomputed features {@code [count][512]} (inference). */
  float[][] headProbabilities(float[] features, int count) {
    if (count == 0) {
      return new float[0][];
    }
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray x =
          scope.create(
              FloatBuffer.wrap(features, 0, count * ResNet18Config.FEATURE_DIM),
              new Shape(count, ResNet18Config.FEATURE_DIM));
      NDList out = block.fc().forward(inference, new NDList(x), false);
      return activate(out.singletonOrThrow().toFloatArray(), count, spec.outputs(), multiLabel());
    }
  }

  /** Softmax of each row of {@code [rows][classes]} logits, or an element-wise sigmoid. */
  static float[][] activate(float[] logits, int rows, int classes, boolean multiLabel) {
    float[][] out = new float[rows][classes];
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      if (multiLabel) {
        for (int c = 0; c < classes; c++) {
          out[r][c] = (float) (1 / (1 + Math.exp(-logits[o + c])));
        }
      } else {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          max = Math.max(max, logits[o + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          sum += Math.exp(logits[o + c] - max);
        }
        for (int c = 0; c < classes; c++) {
          out[r][c] = (float) (Math.exp(logits[o + c] - max) / sum);
        }
      }
    }
    return out;
  }

  /**
   * The training loss of {@code [N][classes]} logits against {@code [N][classes]} 0/1 targets: the
   * mean softmax cross-entropy over rows, or the mean binary cross-entropy (with logits, in its
   * stable form {@code max(z, 0) - z y + log(1 + exp(-|z|))}) over all entries when multi-label.
   */
  static NDArray loss(NDArray logits, NDArray targets, boolean multiLabel) {
    if (multiLabel) {
      NDArray stable = logits.abs().neg().exp().add(1f).log();
      return logits.maximum(0f).sub(logits.mul(targets)).add(stable).mean();
    }
    return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();
  }

  @Override
  public void close() {
    model.close();
  }
}
