package org.radioclr.app;

import java.nio.file.Path;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;

/** Checkpoints for command tests, without training. */
final class TestCheckpoints {
  private TestCheckpoints() {}

  /** A small-stem 32 px checkpoint with seeded random weights, in the new folder {@code dir}. */
  static Path random(Path dir) {
    ModelConfig config =
        new ModelConfig(ResNet18Config.encoder(true), ProjectionHeadConfig.paper(), 32, null);
    Checkpoint.saveRandom(dir, config, 5, new Provenance("test"));
    return dir;
  }
}
