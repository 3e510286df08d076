package org.radioclr.nn.checkpoint;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
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
 * folder that {@link #latest} ignores.
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
      SimclrModel block = config.newModel();
      model.setBlock(block);
      block.initialize(
          model.getNDManager(),
          DataType.FLOAT32,
          new Shape(2, config.encoder().inputChannels(), config.imageSize(), config.imageSize()));
      save(folder, model, config, provenance.put("seed", seed).put("weights", "random"));
    }
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
   * Resolves a run to its latest complete checkpoint; a checkpoint folder is returned as is.
   *
   * @throws BadInputException naming the path when it is neither, or the checkpoint is incomplete
   */
  public static Path resolve(Path runOrCheckpoint) {
    Path p = runOrCheckpoint.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new BadInputException(p, "no such checkpoint or run folder");
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
   * @throws BadInputException naming the folder on any mismatch or read failure
   */
  public static void loadInto(Path folder, Model model, ModelConfig config) {
    SimclrModel block = config.newModel();
    model.setBlock(block);
    block.initialize(
        model.getNDManager(),
        DataType.FLOAT32,
        new Shape(1, config.encoder().inputChannels(), config.imageSize(), config.imageSize()));
    Map<String, Shape> expected = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      expected.put(p.getKey(), p.getValue().getArray().getShape());
    }
    try {
      model.load(folder, MODEL_NAME);
    } catch (IOException e) {
      throw new BadInputException(folder, "cannot read " + PARAMS_FILE + ": " + e.getMessage(), e);
    } catch (MalformedModelException | RuntimeException e) {
      throw new BadInputException(
          folder,
          "parameters do not match "
              + ModelConfig.FILE_NAME
              + " (another architecture?): "
              + e.getMessage(),
          e);
    }
    for (Pair<String, Parameter> p : block.getParameters()) {
      Shape want = expected.get(p.getKey());
      Shape got = p.getValue().getArray().getShape();
      if (!got.equals(want)) {
        throw new BadInputException(
            folder,
            "parameters do not match "
                + ModelConfig.FILE_NAME
                + ": "
                + p.getKey()
                + " has shape "
                + got
                + ", expected "
                + want);
      }
    }
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
