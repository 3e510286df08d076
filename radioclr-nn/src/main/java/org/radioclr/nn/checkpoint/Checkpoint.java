package org.radioclr.nn.checkpoint;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.SimclrModel;

/**
 * Saves and loads checkpoints (the contract shared by training and feature extraction).
 *
 * <p>A <b>checkpoint</b> is a folder holding {@code model-config.json} ({@link ModelConfig}),
 * {@code simclr-0000.params} (DJL's {@code Model.save(folder, "simclr")} of a model whose block is
 * a {@link SimclrModel}) and {@code provenance.json}; other files (a run's optimizer state) may sit
 * beside them. A <b>run</b> is a folder with {@code config.json}, {@code metrics.csv} and {@code
 * checkpoints/epoch-NNNN/} checkpoints (4 digits, zero padded); its latest checkpoint is the
 * complete one (all three files present) with the highest epoch.
 *
 * <p>{@link #save} writes into a hidden temporary sibling folder and renames it into place, so a
 * reader never sees half a checkpoint; a crash leaves at most a hidden {@code .epoch-NNNN.tmp-*}
 * folder that {@link #list} and {@link #latest} ignore and {@link #removeLeftovers} removes.
 */
public final class Checkpoint {
  /** The DJL model name and parameter-file prefix. */
  public static final String MODEL_NAME = "simclr";

  /** The parameter file DJL writes for {@link #MODEL_NAME}. */
  public static final String PARAMS_FILE = "simclr-0000.params";

  /** The provenance file. */
  public static final String PROVENANCE_FILE = "provenance.json";

  /** A run's folder of checkpoints. */
  public static final String CHECKPOINTS_DIR = "checkpoints";

  private static final Pattern EPOCH_DIR = Pattern.compile("epoch-(\\d{4,})");

  /** What {@link #save} and {@link #prune} leave behind when cut short. */
  private static final Pattern LEFTOVER = Pattern.compile("\\.epoch-\\d{4,}\\.(tmp-.*|deleting)");

  private Checkpoint() {}

  /** Extra files written into a checkpoint before it is renamed into place. */
  @FunctionalInterface
  public interface Extra {
    /** Writes files into {@code folder} (the temporary checkpoint folder). */
    void writeTo(Path folder) throws IOException;
  }

  /** The folder name of epoch {@code epoch}'s checkpoint: {@code epoch-NNNN}. */
  public static String folderName(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    return String.format("epoch-%04d", epoch);
  }

  /** Saves a checkpoint; see {@link #save(Path, Model, ModelConfig, Provenance, Extra)}. */
  public static void save(Path folder, Model model, ModelConfig config, Provenance provenance) {
    save(folder, model, config, provenance, dir -> {});
  }

  /**
   * Saves a checkpoint atomically: everything is written into a temporary sibling folder that is
   * then renamed to {@code folder}.
   *
   * @param model a model whose block is a {@link SimclrModel} of {@code config}'s shape
   * @throws BadInputException naming the folder when it exists already or cannot be written
   */
  public static void save(
      Path folder, Model model, ModelConfig config, Provenance provenance, Extra extra) {
    Path target = folder.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new BadInputException(target, "checkpoint folder exists already");
    }
    Path parent = target.getParent();
    AtomicFiles.ensureDirectory(parent);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
      String epoch = model.getProperty("Epoch");
      model.setProperty("Epoch", "0");
      try {
        model.save(tmp, MODEL_NAME);
      } finally {
        if (epoch != null) {
          model.setProperty("Epoch", epoch);
        }
      }
      Json.write(tmp.resolve(ModelConfig.FILE_NAME), config);
      provenance.writeTo(tmp);
      extra.writeTo(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new BadInputException(target, "cannot write checkpoint: " + e, e);
    } finally {
      if (tmp != null) {
        OutputFolders.tryDeleteTree(tmp);
      }
    }
  }

  /**
   * Saves a checkpoint of a randomly initialised network of {@code config}'s shape: the
   * random-weights baseline that downstream jobs compare a trained encoder with (paper §3).
   *
   * @param seed seeds the engine's initialiser (the same seed gives the same weights on the CPU)
   * @throws BadInputException naming the folder when it exists already or cannot be written
   */
  public static void saveRandom(Path folder, ModelConfig config, long seed, Provenance provenance) {
    Engine engine = Engines.pytorch();
    engine.setRandomSeed((int) seed);
    try (Model model = Model.newInstance(MODEL_NAME, Device.cpu(), engine.getEngineName())) {
      newBlock(model, config);
      save(folder, model, config, provenance.put("seed", seed).put("weights", "random"));
    }
  }

  /**
   * Sets {@code model}'s block to a new {@link SimclrModel} of {@code config}'s shape, initialised
   * (randomly, by the engine's seed) for its input size, and returns it.
   */
  public static SimclrModel newBlock(Model model, ModelConfig config) {
    SimclrModel block = config.newModel();
    model.setBlock(block);
    block.initialize(
        model.getNDManager(),
        DataType.FLOAT32,
        new Shape(2, config.encoder().inputChannels(), config.imageSize(), config.imageSize()));
    return block;
  }

  /** Whether {@code folder} holds the three files of a checkpoint. */
  public static boolean isComplete(Path folder) {
    return missingFile(folder) == null;
  }

  private static String missingFile(Path folder) {
    for (String f : List.of(ModelConfig.FILE_NAME, PARAMS_FILE, PROVENANCE_FILE)) {
      if (!Files.isRegularFile(folder.resolve(f))) {
        return f;
      }
    }
    return null;
  }

  /**
   * A run's checkpoint folders (complete or not) by increasing epoch, as (epoch, folder).
   *
   * @throws BadInputException naming the folder when it cannot be listed
   */
  public static List<Pair<Integer, Path>> list(Path run) {
    Path dir = run.resolve(CHECKPOINTS_DIR);
    List<Pair<Integer, Path>> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Matcher m = EPOCH_DIR.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          out.add(new Pair<>(Integer.parseInt(m.group(1)), p));
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new BadInputException(dir, "cannot list checkpoints: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(Pair::getKey));
    return out;
  }

  /** The latest complete checkpoint of a run, if any. */
  public static Optional<Path> latest(Path run) {
    List<Pair<Integer, Path>> all = list(run);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (isComplete(all.get(i).getValue())) {
        return Optional.of(all.get(i).getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves a run to its latest complete checkpoint; a checkpoint folder is returned as is, and
   * the name of a shipped encoder ({@link ShippedEncoders}) its checkpoint in the cache.
   *
   * @throws BadInputException naming the path when it is neither, or the checkpoint is incomplete
   */
  public static Path resolve(Path runOrCheckpoint) {
    Optional<String> shipped = ShippedEncoders.named(runOrCheckpoint);
    if (shipped.isPresent()) {
      return ShippedEncoders.checkpoint(shipped.get());
    }
    Path p = runOrCheckpoint.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new BadInputException(
          p,
          "no such checkpoint or run folder (shipped encoders: "
              + String.join(", ", ShippedEncoders.NAMES)
              + ")");
    }
    if (Files.exists(p.resolve(ModelConfig.FILE_NAME)) || Files.exists(p.resolve(PARAMS_FILE))) {
      String missing = missingFile(p);
      if (missing != null) {
        throw new BadInputException(p, "incomplete checkpoint: " + missing + " is missing");
      }
      return p;
    }
    return latest(p)
        .orElseThrow(
            () ->
                new BadInputException(
                    p,
                    "not a checkpoint (no "
                        + ModelConfig.FILE_NAME
                        + ") nor a run with a complete "
                        + CHECKPOINTS_DIR
                        + "/epoch-NNNN checkpoint"));
  }

  /**
   * Loads a checkpoint, or a run's latest one, onto {@code device}.
   *
   * @throws BadInputException naming the checkpoint folder when files are missing or unreadable, or
   *     the parameters do not fit the network its {@code model-config.json} describes
   */
  public static LoadedModel load(Path runOrCheckpoint, Device device) {
    Path folder = resolve(runOrCheckpoint);
    ModelConfig config = Json.read(folder.resolve(ModelConfig.FILE_NAME), ModelConfig.class);
    Model model = Model.newInstance(MODEL_NAME, device, Engines.pytorch().getEngineName());
    boolean ok = false;
    try {
      loadInto(folder, model, config);
      ok = true;
      return new LoadedModel(model, config, folder);
    } finally {
      if (!ok) {
        model.close();
      }
    }
  }

  /**
   * Sets {@code model}'s block to a new {@link SimclrModel} of {@code config}'s shape and loads the
   * parameters of checkpoint {@code folder} into it, checking every parameter's shape.
   *
   * <p>A checkpoint of another network is said to be one: when its {@code model-config.json}
   * describes another network than {@code config}, before anything is loaded, and when its
   * parameters do not fit the network (DJL finds other blocks or parameters than it expects where
   * it reads them, or a parameter has another shape). A parameter file that is empty, truncated or
   * not DJL's is named as such; any other failure says what happened.
   *
   * @throws BadInputException naming the folder or the parameter file on any mismatch or read
   *     failure
   */
  public static void loadInto(Path folder, Model model, ModelConfig config) {
    ModelConfig written = writtenFor(folder);
    if (written != null && !written.sameArchitecture(config)) {
      throw new BadInputException(
          folder,
          "checkpoint written for another network ("
              + written.architecture()
              + ", says its "
              + ModelConfig.FILE_NAME
              + ") than expected here ("
              + config.architecture()
              + ")");
    }
    SimclrModel block = newBlock(model, config);
    Map<String, Shape> expected = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      expected.put(p.getKey(), p.getValue().getArray().getShape());
    }
    Path params = folder.resolve(PARAMS_FILE);
    checkParamsHeader(params);
    try {
      model.load(folder, MODEL_NAME);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (hasCause(e, EOFException.class)) {
        throw new BadInputException(
            params,
            "truncated: the file ends after "
                + size(params)
                + " bytes, before all the parameters of the network in "
                + ModelConfig.FILE_NAME
                + " were read (a copy or write cut short?)",
            e);
      }
      if (e instanceof IOException) {
        throw new BadInputException(params, "cannot read: " + RadioclrException.describe(e), e);
      }
      if (isLayoutMismatch(e)) {
        throw anotherNetwork(folder, config, written != null, null, e);
      }
      throw new BadInputException(
          folder,
          "cannot load " + PARAMS_FILE + ": " + firstLine(RadioclrException.describe(e)),
          e);
    }
    for (Pair<String, Parameter> p : block.getParameters()) {
      Shape want = expected.get(p.getKey());
      Shape got = p.getValue().getArray().getShape();
      if (!got.equals(want)) {
        throw anotherNetwork(
            folder,
            config,
            written != null,
            p.getKey() + " has shape " + got + ", expected " + want,
            null);
      }
    }
  }

  /** DJL's parameter files start with these bytes. */
  private static final byte[] PARAMS_MAGIC = {'D', 'J', 'L', '@'};

  /** Refuses an empty file or one that is not DJL parameters, naming it. */
  private static void checkParamsHeader(Path params) {
    byte[] head;
    try (InputStream in = Files.newInputStream(params)) {
      head = in.readNBytes(PARAMS_MAGIC.length);
    } catch (IOException e) {
      throw new BadInputException(params, "cannot read: " + RadioclrException.describe(e), e);
    }
    if (head.length == 0) {
      throw new BadInputException(params, "empty file (a copy or write cut short?)");
    }
    if (!Arrays.equals(head, Arrays.copyOf(PARAMS_MAGIC, head.length))) {
      throw new BadInputException(
          params, "not a DJL parameter file (it does not start with \"DJL@\")");
    }
    if (head.length < PARAMS_MAGIC.length) {
      throw new BadInputException(
          params, "truncated: the file ends after " + head.length + " bytes");
    }
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String size(Path file) {
    try {
      return Long.toString(Files.size(file));
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Removes what a crash while writing or pruning checkpoints leaves in a run's {@code
   * checkpoints/} folder: hidden {@code .epoch-NNNN.tmp-*} folders of a checkpoint never renamed
   * into place and {@code .epoch-NNNN.deleting} folders of a prune cut short ({@link #list} ignores
   * both). Only safe while no other process writes into the run.
   *
   * @return the leftovers found, relative to {@code run}; those that could not be removed are still
   *     listed (a later call tries again)
   * @throws BadInputException naming the folder when it cannot be listed
   */
  public static List<Path> removeLeftovers(Path run) {
    Path dir = run.resolve(CHECKPOINTS_DIR);
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (LEFTOVER.matcher(p.getFileName().toString()).matches()) {
          found.add(run.relativize(p));
        }
      }
    } catch (IOException e) {
      throw new BadInputException(
          dir, "cannot list checkpoints: " + RadioclrException.describe(e), e);
    }
    found.sort(Comparator.naturalOrder());
    for (Path p : found) {
      OutputFolders.tryDeleteTree(run.resolve(p));
    }
    return found;
  }

  /**
   * The network a checkpoint's {@code model-config.json} describes, or null when it cannot be read
   * (then only loading the parameters can tell).
   */
  private static ModelConfig writtenFor(Path folder) {
    Path file = folder.resolve(ModelConfig.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Json.read(file, ModelConfig.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether DJL failed to load a parameter file because the blocks or parameters it holds are not
   * those of the network they are loaded into: it reads each block's version and each parameter's
   * name where it expects them, so a file of another network fails with one of these messages.
   */
  private static boolean isLayoutMismatch(Exception e) {
    String m = e.getMessage();
    return e instanceof MalformedModelException
        && m != null
        && (m.startsWith("Cannot load parameters for")
            || m.startsWith("Unexpected parameter name")
            || m.startsWith("Unsupported encoding version")
            || m.startsWith("Invalid input data"));
  }

  /**
   * A checkpoint whose parameters do not fit the network they are loaded into, which {@code
   * model-config.json} describes when {@code described} (else it could not be read). DJL's own
   * words stay in the cause, for {@code --verbose}.
   */
  private static BadInputException anotherNetwork(
      Path folder, ModelConfig config, boolean described, String detail, Exception cause) {
    return new BadInputException(
        folder,
        PARAMS_FILE
            + " was written for another network than "
            + (described ? "its " + ModelConfig.FILE_NAME + " describes" : "expected")
            + " ("
            + config.architecture()
            + ")"
            + (detail == null ? "" : ": " + detail),
        cause);
  }

  private static String firstLine(String message) {
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }

  /**
   * Deletes all but the newest {@code keep} complete checkpoints of a run (incomplete ones older
   * than the newest kept one go too).
   *
   * @throws BadInputException naming a folder that cannot be deleted
   */
  public static void prune(Path run, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, got " + keep);
    }
    List<Pair<Integer, Path>> all = list(run);
    int kept = 0;
    for (int i = all.size() - 1; i >= 0; i--) {
      Path p = all.get(i).getValue();
      if (kept < keep && isComplete(p)) {
        kept++;
      } else if (kept > 0) {
        Path trash = p.resolveSibling("." + p.getFileName() + ".deleting");
        OutputFolders.tryDeleteTree(trash); // an earlier prune's, cut short
        try {
          Files.move(p, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new BadInputException(p, "cannot remove old checkpoint: " + e.getMessage(), e);
        }
        OutputFolders.tryDeleteTree(trash);
      }
    }
  }
}
