package org.radioclr.nn.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.checkpoint.Checkpoint;

/**
 * What a run started from, in its {@code provenance.json} (written before {@code config.json}, so a
 * run with a configuration has it): the datalist and its SHA-256, the validation datalist and the
 * {@code --init} weights (a checkpoint folder or a {@code .safetensors} file) with the SHA-256 of
 * their file. With the configuration and the seed this is all a run needs to start again from its
 * first step when it was killed before its first checkpoint.
 *
 * @param datalist the datalist, absolute
 * @param datalistSha256 its SHA-256
 * @param validation the validation datalist, or {@code null}
 * @param init the checkpoint folder or {@code .safetensors} file the weights came from, or {@code
 *     null} for a random initialisation from the seed
 * @param initSha256 the SHA-256 of {@link #initWeights(Path)}, or {@code null} without {@code init}
 */
record RunStart(
    String datalist, String datalistSha256, String validation, String init, String initSha256) {

  /** The run's start record (a provenance file). */
  static final String FILE = Checkpoint.PROVENANCE_FILE;

  static final String TOOL = "radioclr train simclr";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file whose hash stands for the {@code init} weights. */
  static Path initWeights(Path init) {
    return SimclrTrainer.isSafetensors(init) ? init : init.resolve(Checkpoint.PARAMS_FILE);
  }

  /** Adds the fields to {@code provenance} and writes it as {@code run/provenance.json}. */
  void write(Path run, Provenance provenance) {
    provenance.put("datalist", datalist).put("datalist_sha256", datalistSha256);
    if (validation != null) {
      provenance.put("validation", validation);
    }
    if (init != null) {
      provenance.put("init", init).put("init_sha256", initSha256);
    }
    provenance.writeTo(run);
  }

  /**
   * Reads the start record of {@code run}.
   *
   * @return {@code null} when the run has none (started by an older radioclr)
   * @throws BadInputException naming the file when it is not a training run's start record
   */
  static RunStart read(Path run) {
    Path file = run.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, Object> m;
    try {
      m = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new BadInputException(
          file, "cannot read the run's start record: " + RadioclrException.describe(e), e);
    }
    if (!TOOL.equals(m.get("tool"))) {
      throw new BadInputException(file, "not written by " + TOOL + " (tool " + m.get("tool") + ")");
    }
    String datalist = text(m, "datalist", file);
    String sha = text(m, "datalist_sha256", file);
    String validation = m.get("validation") == null ? null : text(m, "validation", file);
    String init = m.get("init") == null ? null : text(m, "init", file);
    String initSha = init == null ? null : text(m, "init_sha256", file);
    return new RunStart(datalist, sha, validation, init, initSha);
  }

  private static String text(Map<String, Object> m, String key, Path file) {
    if (!(m.get(key) instanceof String s) || s.isBlank()) {
      throw new BadInputException(file, "the run's start record has no \"" + key + "\"");
    }
    return s;
  }
}
