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

      String text = summary.toText();
      assertTrue(text.contains("trainable parameters: 11,340,992"), text);
      assertTrue(text.contains("encoder.layer4"), text);
      assertTrue(text.contains("[2, 512, 7, 7]"), text);
      assertEquals(summary.rows().size() + 4, text.lines().count(), text);
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
