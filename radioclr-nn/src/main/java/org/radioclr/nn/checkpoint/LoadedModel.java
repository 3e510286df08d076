package org.radioclr.nn.checkpoint;

import ai.djl.Model;
import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.nn.model.SimclrModel;

/**
 * A model read from a checkpoint. Closing it closes the DJL model (and frees its parameters).
 *
 * @param model the DJL model; its block is a {@link SimclrModel} with loaded parameters
 * @param config the checkpoint's {@code model-config.json}
 * @param folder the checkpoint folder it came from (a run resolves to its latest checkpoint)
 */
public record LoadedModel(Model model, ModelConfig config, Path folder) implements AutoCloseable {
  /** Checks the fields. */
  public LoadedModel {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(folder, "folder");
  }

  /** The network. */
  public SimclrModel network() {
    return (SimclrModel) model.getBlock();
  }

  @Override
  public void close() {
    model.close();
  }
}
