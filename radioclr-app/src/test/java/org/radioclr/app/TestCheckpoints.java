package org.radioclr.app;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.SimclrModel;

/** Checkpoints for command tests, written per the checkpoint contract without training. */
final class TestCheckpoints {
  private TestCheckpoints() {}

  /** A small-stem 32 px checkpoint per the checkpoint contract, random weights. */
  static Path random(Path dir) throws IOException {
    Files.createDirectories(dir);
    Engines.pytorch().setRandomSeed(5);
    try (Model model = Model.newInstance("simclr", Device.cpu(), Engines.PYTORCH)) {
      SimclrModel block = SimclrModel.paper(true);
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 32, 32));
      model.save(dir, "simclr");
    }
    Files.writeString(
        dir.resolve("model-config.json"),
        "{\"encoder\": {\"input_channels\": 3, \"small_input_stem\": true, \"num_classes\": 0},"
            + " \"head\": {\"input_dim\": 512, \"hidden_dim\": 256, \"output_dim\": 128},"
            + " \"image_size\": 32, \"preprocess\": null}");
    new Provenance("test").writeTo(dir);
    return dir;
  }
}
