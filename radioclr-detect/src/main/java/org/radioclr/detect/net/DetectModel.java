package org.radioclr.detect.net;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.detect.data.FrameAugment;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.TorchvisionNames;
import org.radioclr.nn.weights.TorchvisionWeights;

/**
 * A detector: a {@link DetectBlock} in a DJL model with its {@link DetectSpec}; creates one from a
 * {@link EncoderInit}, saves and loads <b>model folders</b> ({@code detect.json}, {@code
 * detect-0000.params}, {@code provenance.json}) and detects the objects of an image ({@link
 * #detect}). Owns native memory: use in try-with-resources. Not thread-safe.
 */
public final class DetectModel implements AutoCloseable {
  /** DJL model name and parameter-file prefix. */
  public static final String MODEL_NAME = "detect";

  /** The parameter file of a model folder. */
  public static final String PARAMS_FILE = "detect-0000.params";

  private final Model model;
  private final DetectBlock block;
  private final DetectSpec spec;
  private final FrameAugment augment;
  private final ParameterStore inference;

  private DetectModel(Model model, DetectBlock block, DetectSpec spec) {
    this.model = model;
    this.block = block;
    this.spec = spec;
    this.augment = new FrameAugment(spec.preprocess());
    this.inference = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * A new detector.
   *
   * @param init the backbone's start; a SimCLR checkpoint brings its own pre-processing
   * @param preprocess the pre-processing for scratch and torchvision starts
   * @param decoderChannels width of the decoder
   * @param freeze whether the backbone is frozen
   * @param seed seeds the random weights
   */
  public static DetectModel create(
      EncoderInit init,
      PreprocessConfig preprocess,
      int decoderChannels,
      boolean freeze,
      long seed) {
    PreprocessConfig pre = preprocess;
    Path simclr = null;
    if (init instanceof EncoderInit.Simclr s) {
      simclr = Checkpoint.resolve(s.runOrCheckpoint());
      ModelConfig mc = Json.read(simclr.resolve(ModelConfig.FILE_NAME), ModelConfig.class);
      if (mc.encoder().smallInputStem()) {
        throw new BadInputException(
            simclr, "the detector needs the torchvision stem; this encoder has the small stem");
      }
      // the encoder's channels (the paper's when its config names none), on whole tiles
      pre = mc.effectivePreprocess().withFraming(null);
    }
    DetectModel net =
        build(new DetectSpec(decoderChannels, pre.withResize(false), init.label(), freeze), seed);
    try {
      switch (init) {
        case EncoderInit.Simclr s -> copySimclr(simclr, net);
        case EncoderInit.Torchvision t -> TorchvisionWeights.load(t.file(), net.block.backbone());
        case EncoderInit.Scratch s -> {}
      }
      net.block.freezeBackbone(freeze);
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  private static void copySimclr(Path folder, DetectModel net) {
    try (LoadedModel loaded = Checkpoint.load(folder, net.model.getNDManager().getDevice())) {
      Map<String, Parameter> from = TorchvisionNames.of(loaded.network().encoder());
      Map<String, Parameter> to = TorchvisionNames.of(net.block.backbone());
      for (Map.Entry<String, Parameter> e : to.entrySet()) {
        Parameter src = from.get(e.getKey());
        if (src == null || !src.getArray().getShape().equals(e.getValue().getArray().getShape())) {
          throw new BadInputException(folder, "encoder parameter " + e.getKey() + " does not fit");
        }
        e.getValue().getArray().set(src.getArray().toFloatArray());
      }
    }
  }

  private static DetectModel build(DetectSpec spec, long seed) {
    Engines.pytorch().setRandomSeed((int) seed);
    Model model = Model.newInstance(MODEL_NAME, Engines.bestDevice(), Engines.PYTORCH);
    try {
      DetectBlock block = new DetectBlock(spec.preprocess().channelCount(), spec.decoderChannels());
      model.setBlock(block);
      block.initialize(
          model.getNDManager(),
          DataType.FLOAT32,
          new Shape(1, spec.preprocess().channelCount(), 64, 64));
      return new DetectModel(model, block, spec);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A detector of {@code spec} with seed-0 random weights, to be loaded into. */
  static DetectModel of(DetectSpec spec) {
    return build(spec, 0);
  }

  /**
   * Loads a model folder, or a shipped detector by its name ({@link ShippedDetectors}).
   *
   * @throws BadInputException naming the folder when it is not a detector
   */
  public static DetectModel load(Path folderOrName) {
    Path folder =
        ShippedDetectors.named(folderOrName).map(ShippedDetectors::folder).orElse(folderOrName);
    Path specFile = folder.resolve(DetectSpec.FILE_NAME);
    if (!Files.isRegularFile(specFile) || !Files.isRegularFile(folder.resolve(PARAMS_FILE))) {
      throw new BadInputException(
          folder,
          "not a detector model folder (needs "
              + DetectSpec.FILE_NAME
              + " and "
              + PARAMS_FILE
              + ")");
    }
    DetectSpec spec = Json.read(specFile, DetectSpec.class);
    DetectModel net = build(spec, 0);
    try {
      net.model.load(folder, MODEL_NAME);
      net.block.freezeBackbone(spec.frozenBackbone());
      return net;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      net.close();
      throw new BadInputException(folder, "cannot load the detector: " + e.getMessage(), e);
    }
  }

  /**
   * Saves the model folder atomically: written into a hidden temporary sibling of its own (so that
   * processes saving at once do not meet), renamed into place; a folder already there is moved
   * aside first and removed after.
   */
  public void save(Path folder, Provenance provenance) {
    Path parent = folder.toAbsolutePath().normalize().getParent();
    AtomicFiles.ensureDirectory(parent);
    String name = folder.getFileName().toString();
    Path tmp = null;
    Path old = null;
    try {
      tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
      model.save(tmp, MODEL_NAME);
      Json.write(tmp.resolve(DetectSpec.FILE_NAME), spec);
      provenance.writeTo(tmp);
      if (Files.exists(folder)) {
        old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.move(folder, old.resolve(name));
      }
      Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new BadInputException(folder, "cannot save the detector: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        OutputFolders.tryDeleteTree(tmp);
      }
      if (old != null) {
        OutputFolders.tryDeleteTree(old);
      }
    }
  }

  public DetectBlock block() {
    return block;
  }

  public Model model() {
    return model;
  }

  public DetectSpec spec() {
    return spec;
  }

  /** The input pre-processing and augmentation of this model. */
  public FrameAugment augment() {
    return augment;
  }

  /**
   * The objects of one image (any size; padded to a multiple of 32 inside), before the caesar-mrcnn
   * post-processing.
   */
  public List<Instance> detect(Plane image, Grouping grouping) {
    return detect(augment.input(image), grouping);
  }

  /** As {@link #detect(Plane, Grouping)} for a pre-processed cube. */
  public List<Instance> detect(Cube cube, Grouping grouping) {
    int w = cube.width();
    int h = cube.height();
    int s = DetectBlock.stride();
    int pw = (w + s - 1) / s * s;
    int ph = (h + s - 1) / s * s;
    int c = cube.channels();
    float[] in = new float[c * pw * ph];
    for (int k = 0; k < c; k++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(cube.data(), (k * h + y) * w, in, (k * ph + y) * pw, w);
      }
    }
    float[] probs;
    float[] ctr;
    float[] off;
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray x = scope.create(in, new Shape(1, c, ph, pw));
      NDList out = block.forward(inference, new NDList(x), false);
      probs = out.get(DetectBlock.SEMANTIC).softmax(1).toFloatArray();
      ctr = out.get(DetectBlock.CENTER).toFloatArray();
      off = out.get(DetectBlock.OFFSET).toFloatArray();
    }
    List<Instance> found = grouping.group(probs, ctr, off, pw, ph);
    if (pw == w && ph == h) {
      return found;
    }
    List<Instance> out = new ArrayList<>();
    for (Instance i : found) {
      int[] idx = i.pixels().indices();
      int[] keep = new int[idx.length];
      int n = 0;
      for (int p : idx) {
        int x = p % pw;
        int y = p / pw;
        if (x < w && y < h) {
          keep[n++] = y * w + x;
        }
      }
      if (n > 0) {
        out.add(
            new Instance(
                PixelSet.of(w, h, java.util.Arrays.copyOf(keep, n)),
                i.detectionClass(),
                i.score()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
