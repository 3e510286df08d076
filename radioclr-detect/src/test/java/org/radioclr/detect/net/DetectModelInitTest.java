package org.radioclr.detect.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.TorchvisionNames;

class DetectModelInitTest {

  private static Path simclr(Path dir, PreprocessConfig preprocess) {
    ModelConfig config =
        new ModelConfig(
            ResNet18Config.encoder(false), ProjectionHeadConfig.paper(), 64, preprocess);
    Checkpoint.saveRandom(dir, config, 3, new Provenance("test"));
    return dir;
  }

  @Test
  void aSimclrRunWithThePapersDefaultChannelsStartsTheBackbone(@TempDir Path dir) {
    // a run trained with the paper's recipe writes "preprocess": null
    Path run = simclr(dir.resolve("run"), null);
    try (DetectModel net =
            DetectModel.create(
                new EncoderInit.Simclr(run), PreprocessConfig.preset("detect"), 8, true, 1);
        LoadedModel loaded = Checkpoint.load(run, net.model().getNDManager().getDevice())) {
      assertEquals(PreprocessConfig.paper().channels(), net.spec().preprocess().channels());
      assertEquals(false, net.spec().preprocess().resize());
      Map<String, ai.djl.nn.Parameter> from = TorchvisionNames.of(loaded.network().encoder());
      Map<String, ai.djl.nn.Parameter> to = TorchvisionNames.of(net.block().backbone());
      assertEquals(from.keySet(), to.keySet());
      for (String k : to.keySet()) {
        assertArrayEquals(
            from.get(k).getArray().toFloatArray(), to.get(k).getArray().toFloatArray(), k);
      }
    }
  }

  @Test
  void aFramedEncodersChannelsAreUsedOnWholeTiles(@TempDir Path dir) {
    Path run = simclr(dir.resolve("run"), PreprocessConfig.framed());
    try (DetectModel net =
        DetectModel.create(new EncoderInit.Simclr(run), PreprocessConfig.paper(), 8, false, 1)) {
      assertEquals(null, net.spec().preprocess().framing());
      assertEquals(false, net.spec().preprocess().resize());
      assertEquals(PreprocessConfig.framed().channels(), net.spec().preprocess().channels());
    }
  }
}
