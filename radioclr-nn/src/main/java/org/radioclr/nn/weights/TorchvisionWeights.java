package org.radioclr.nn.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.nn.model.ResNet18;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.model.TorchvisionNames;
import org.radioclr.nn.weights.Safetensors.Tensor;

/**
 * Loads torchvision ResNet18 weights into a {@link ResNet18} or the encoder of a {@link
 * SimclrModel}, and exports ours in the same naming, both as {@link Safetensors} files.
 *
 * <p>Keys follow torchvision's state dict ({@code conv1.weight}, {@code layer2.0.downsample.1
 * .running_var}, ...; see {@link TorchvisionNames}). On load, keys may carry any chain of the
 * prefixes {@code module.} (DataParallel), {@code encoder.} or {@code backbone.} (SimCLR code
 * bases); {@code num_batches_tracked} counters have no counterpart here and are ignored, and so is
 * a classifier ({@code fc.*}) when the encoder has none. Every encoder parameter must be present
 * with the same shape, so a ResNet50 file or a file for the other stem is refused, naming the first
 * offending key. On export, every batch norm gets an I64 {@code num_batches_tracked} of 0 so that
 * PyTorch's strict {@code load_state_dict} accepts the file.
 */
public final class TorchvisionWeights {
  /** The prefixes stripped from keys on load. */
  static final List<String> PREFIXES = List.of("module.", "encoder.", "backbone.");

  private static final String HEAD = "head.";
  private static final String BATCHES = "num_batches_tracked";

  private TorchvisionWeights() {}

  /**
   * What a load did.
   *
   * @param file the file read
   * @param loaded the keys set, in our (torchvision) naming
   * @param ignored the keys of the file that were not used, as written in the file
   * @param note a one-line summary for the user
   */
  public record LoadReport(Path file, List<String> loaded, List<String> ignored, String note) {
    /** Copies the lists. */
    public LoadReport {
      loaded = List.copyOf(loaded);
      ignored = List.copyOf(ignored);
    }
  }

  /**
   * Sets the encoder parameters of {@code block} (a {@link ResNet18}, or a {@link SimclrModel}
   * whose encoder is set; its head too when the file has {@code head.*} keys, as {@link #export}
   * writes them) from a safetensors file in torchvision's naming. The block must be initialised;
   * nothing is changed when the file is refused.
   *
   * @throws IllegalArgumentException when {@code block} is of another kind or not initialised
   * @throws BadInputException naming the file when it is not valid safetensors, misses a parameter
   *     or has one of another shape
   */
  public static LoadReport load(Path file, Block block) {
    Objects.requireNonNull(file, "file");
    return load(file, Safetensors.read(file), block);
  }

  /** {@link #load(Path, Block)} of contents already read ({@code file} names them in messages). */
  public static LoadReport load(Path file, Safetensors.Contents contents, Block block) {
    ResNet18 encoder = encoderOf(block);

    Map<String, String> original = new LinkedHashMap<>(); // stripped key -> key in file
    for (String key : contents.tensors().keySet()) {
      String stripped = strip(key);
      String before = original.put(stripped, key);
      if (before != null) {
        throw new BadInputException(
            file, "keys " + before + " and " + key + " both name " + stripped);
      }
    }

    Map<String, Parameter> targets = new LinkedHashMap<>(TorchvisionNames.of(encoder));
    boolean withHead =
        block instanceof SimclrModel
            && original.keySet().stream().anyMatch(k -> k.startsWith(HEAD));
    if (withHead) {
      TorchvisionNames.of(((SimclrModel) block).head()).forEach((k, p) -> targets.put(HEAD + k, p));
    }

    Map<Parameter, float[]> values = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> t : targets.entrySet()) {
      String key = t.getKey();
      Parameter p = t.getValue();
      String inFile = original.get(key);
      if (inFile == null) {
        throw new BadInputException(
            file,
            "no tensor "
                + key
                + " (the "
                + (withHead ? "model" : "ResNet18 encoder")
                + " needs "
                + targets.size()
                + " tensors; is this a torchvision ResNet18 state dict?)");
      }
      Tensor tensor = contents.tensors().get(inFile);
      Shape shape = new Shape(tensor.shape());
      if (!shape.equals(p.getShape())) {
        throw new BadInputException(
            file,
            "tensor "
                + inFile
                + " has shape "
                + Arrays.toString(tensor.shape())
                + ", "
                + key
                + " here needs "
                + Arrays.toString(p.getShape().getShape())
                + (key.equals("conv1.weight")
                    ? " (a file for the other input stem or channel count?)"
                    : " (another architecture, e.g. ResNet50?)"));
      }
      values.put(p, tensor.values());
    }

    List<String> ignored = new ArrayList<>();
    boolean fcIgnored = false;
    for (Map.Entry<String, String> e : original.entrySet()) {
      if (!targets.containsKey(e.getKey())) {
        ignored.add(e.getValue());
        fcIgnored |= e.getKey().startsWith("fc.");
      }
    }
    for (Map.Entry<Parameter, float[]> e : values.entrySet()) {
      e.getKey().getArray().set(FloatBuffer.wrap(e.getValue()));
    }

    long counters = ignored.stream().filter(k -> k.endsWith(BATCHES)).count();
    StringBuilder note = new StringBuilder();
    note.append("loaded ").append(targets.size()).append(" tensors");
    if (fcIgnored) {
      note.append("; ignored the fc classifier (the encoder has none)");
    }
    if (counters > 0) {
      note.append("; ignored ").append(counters).append(" num_batches_tracked counters");
    }
    long others = ignored.size() - counters - (fcIgnored ? fcCount(original, targets) : 0);
    if (others > 0) {
      note.append("; ignored ").append(others).append(" other tensors");
    }
    return new LoadReport(file, new ArrayList<>(targets.keySet()), ignored, note.toString());
  }

  private static long fcCount(Map<String, String> original, Map<String, Parameter> targets) {
    return original.keySet().stream()
        .filter(k -> k.startsWith("fc.") && !targets.containsKey(k) && !k.endsWith(BATCHES))
        .count();
  }

  /**
   * Writes the weights of {@code block} in torchvision's naming: a {@link ResNet18} as is (with its
   * {@code fc} when it has one); a {@link SimclrModel}'s encoder without prefix and, when {@code
   * withHead}, its projection head under {@code head.}. Written atomically.
   *
   * @param withHead whether to include a SimclrModel's head (ignored for a ResNet18)
   * @throws IllegalArgumentException when {@code block} is of another kind or not initialised
   * @throws BadInputException naming the file when it cannot be written
   */
  public static void export(Path file, Block block, boolean withHead) {
    export(file, block, withHead, Safetensors.Dtype.F32);
  }

  /**
   * {@link #export(Path, Block, boolean)} with the floating-point tensors in {@code dtype} ({@link
   * Safetensors.Dtype#F32} or {@link Safetensors.Dtype#F16}: half the size, about 3 significant
   * digits).
   */
  public static void export(Path file, Block block, boolean withHead, Safetensors.Dtype dtype) {
    ResNet18 encoder = encoderOf(block);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    addAll(tensors, "", TorchvisionNames.of(encoder), dtype);
    if (withHead && block instanceof SimclrModel model) {
      addAll(tensors, HEAD, TorchvisionNames.of(model.head()), dtype);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "pt");
    metadata.put("producer", "radioclr");
    metadata.put("architecture", "resnet18");
    metadata.put("stem", encoder.config().smallInputStem() ? "small" : "torchvision");
    metadata.put("input_channels", Integer.toString(encoder.config().inputChannels()));
    Safetensors.write(file, tensors, metadata);
  }

  /** {@link #export(Path, Block, boolean)} with the head included. */
  public static void export(Path file, Block block) {
    export(file, block, true);
  }

  private static void addAll(
      Map<String, Tensor> out, String prefix, Map<String, Parameter> ps, Safetensors.Dtype dtype) {
    for (Map.Entry<String, Parameter> e : ps.entrySet()) {
      NDArray array = e.getValue().getArray();
      out.put(
          prefix + e.getKey(),
          new Tensor(dtype, array.getShape().getShape(), array.toFloatArray()));
      if (e.getKey().endsWith(".running_var") || e.getKey().equals("running_var")) {
        String module = e.getKey().substring(0, e.getKey().length() - "running_var".length());
        out.put(
            prefix + module + BATCHES,
            new Tensor(Safetensors.Dtype.I64, new long[0], new float[] {0f}));
      }
    }
  }

  private static ResNet18 encoderOf(Block block) {
    Objects.requireNonNull(block, "block");
    ResNet18 encoder;
    if (block instanceof ResNet18 r) {
      encoder = r;
    } else if (block instanceof SimclrModel m) {
      encoder = m.encoder();
    } else {
      throw new IllegalArgumentException(
          "expected a ResNet18 or a SimclrModel, got " + block.getClass().getSimpleName());
    }
    if (!block.isInitialized()) {
      throw new IllegalArgumentException("initialise the block before loading or exporting");
    }
    return encoder;
  }

  /** Removes any chain of {@link #PREFIXES} from the front of a key. */
  static String strip(String key) {
    String k = key;
    boolean again = true;
    while (again) {
      again = false;
      for (String p : PREFIXES) {
        if (k.startsWith(p) && k.length() > p.length()) {
          k = k.substring(p.length());
          again = true;
        }
      }
    }
    return k;
  }
}
