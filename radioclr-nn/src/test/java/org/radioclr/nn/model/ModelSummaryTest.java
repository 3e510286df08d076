package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class ModelSummaryTest {
  @Test
  void simclrModelAt224Pixels() {
    try (NDManager manager = Engines.newManager()) {
      SimclrModel model = SimclrModel.paper(false);
      model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      ModelSummary summary = ModelSummary.of(model, new Shape(2, 3, 224, 224));
      assertEquals(
          List.of(
              "encoder.conv1",
              "encoder.bn1",
              "encoder.relu",
              "encoder.maxpool",
              "encoder.layer1",
              "encoder.layer2",
              "encoder.layer3",
              "encoder.layer4",
              "encoder.avgpool",
              "head.0",
              "head.1",
              "head.2",
              "head.3"),
          summary.rows().stream().map(ModelSummary.Row::name).toList());
      assertEquals(new Shape(2, 64, 112, 112), row(summary, "encoder.conv1").outputShape());
      assertEquals(new Shape(2, 64, 56, 56), row(summary, "encoder.maxpool").outputShape());
      assertEquals(new Shape(2, 128, 28, 28), row(summary, "encoder.layer2").outputShape());
      assertEquals(new Shape(2, 512, 7, 7), row(summary, "encoder.layer4").outputShape());
      assertEquals(new Shape(2, 512), row(summary, "encoder.avgpool").outputShape());
      assertEquals(new Shape(2, 128), row(summary, "head.3").outputShape());
      assertEquals(9_408L, row(summary, "encoder.conv1").parameters());
      assertEquals("BasicBlock x2", row(summary, "encoder.layer3").type());

      assertEquals(11_176_512L + 164_480L, summary.trainableParameters());
      assertEquals(
          summary.trainableParameters(),
          summary.rows().stream().mapToLong(ModelSummary.Row::parameters).sum());
      // running mean + variance of every BN channel: 4,800 in the encoder, 256 in the head
      assertEquals(2L * (4_800 + 256), summary.bufferValues());

      // Per image, by hand: conv1 9,408 weights x 112^2; layer1 4 x 36,864 x 56^2; layers 2-4
      // (their convolutions plus the 1x1 downsample) 524,288 x 28^2 = 2,097,152 x 14^2 =
      // 8,388,608 x 7^2 = 411,041,792 each: 1,813,561,344, torchvision's 1.81 G for ResNet18.
      assertEquals(118_013_952L, row(summary, "encoder.conv1").macs());
      assertEquals(462_422_016L, row(summary, "encoder.layer1").macs());
      assertEquals(411_041_792L, row(summary, "encoder.layer3").macs());
      assertEquals(0L, row(summary, "encoder.maxpool").macs());
      long encoder =
          summary.rows().stream()
              .filter(r -> r.name().startsWith("encoder."))
              .mapToLong(ModelSummary.Row::macs)
              .sum();
      assertEquals(1_813_561_344L, encoder);
      assertEquals(encoder + 512L * 256 + 256L * 128, summary.macs()); // the head's two Linear

      String text = summary.toText();
      assertTrue(text.contains("trainable parameters: 11,340,992"), text);
      assertTrue(text.contains("encoder.layer4"), text);
      assertTrue(text.contains("[2, 512, 7, 7]"), text);
      assertTrue(text.contains("multiply-accumulates per image, forward: 1,813,725,184"), text);
      assertEquals(summary.rows().size() + 5, text.lines().count(), text);
    }
  }

  @Test
  void plainResNet18WithClassifier() {
    try (NDManager manager = Engines.newManager()) {
      ResNet18 net = new ResNet18(ResNet18Config.imagenet());
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
      ModelSummary summary = ModelSummary.of(net, new Shape(1, 3, 64, 64));
      assertEquals(11_689_512L, summary.trainableParameters());
      ModelSummary.Row fc = summary.rows().get(summary.rows().size() - 1);
      assertEquals("fc", fc.name());
      assertEquals(new Shape(1, 1000), fc.outputShape());
      assertEquals(513_000L, fc.parameters());
      assertEquals(512_000L, fc.macs());
      // at 64 px every resolution is 1/16 of 224 px's; the stages' weights are as above
      assertEquals(
          9_408L * 32 * 32
              + 147_456L * 16 * 16
              + 524_288L * 8 * 8
              + 2_097_152L * 4 * 4
              + 8_388_608L * 2 * 2
              + 512_000L,
          summary.macs());
    }
  }

  @Test
  void refusesUninitialisedBlock() {
    assertThrows(
        IllegalStateException.class,
        () -> ModelSummary.of(SimclrModel.paper(true), new Shape(1, 3, 32, 32)));
  }

  private static ModelSummary.Row row(ModelSummary summary, String name) {
    return summary.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
