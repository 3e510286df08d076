package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class ResNet18Test {
  private static final Shape RGB_64 = new Shape(2, 3, 64, 64);

  @Test
  void torchvisionParameterCounts() {
    try (NDManager manager = Engines.newManager()) {
      ResNet18 withHead = new ResNet18(ResNet18Config.imagenet());
      withHead.initialize(manager, DataType.FLOAT32, RGB_64);
      assertEquals(11_689_512L, Nets.trainableParameters(withHead));

      ResNet18 encoder = new ResNet18(ResNet18Config.encoder());
      encoder.initialize(manager, DataType.FLOAT32, RGB_64);
      assertEquals(11_176_512L, Nets.trainableParameters(encoder));

      // small stem: conv1 3x3x3x64 = 1,728 weights instead of 7x7x3x64 = 9,408
      ResNet18 small = new ResNet18(ResNet18Config.encoder(true));
      small.initialize(manager, DataType.FLOAT32, RGB_64);
      assertEquals(11_176_512L - 9_408 + 1_728, Nets.trainableParameters(small));

      ResNet18 oneChannel = new ResNet18(new ResNet18Config(1, false, 10));
      oneChannel.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 64, 64));
      assertEquals(11_176_512L - 2 * 3_136 + 512 * 10 + 10, Nets.trainableParameters(oneChannel));
    }
  }

  @Test
  void encoderOutputsFeatures512At224And64Pixels() {
    try (NDManager manager = Engines.newManager()) {
      ResNet18 encoder = new ResNet18(ResNet18Config.encoder());
      encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
      for (int size : new int[] {224, 64}) {
        NDArray out = forward(manager, encoder, 2, 3, size, false);
        assertEquals(new Shape(2, 512), out.getShape(), "at " + size + " px");
        assertEquals(
            new Shape(2, 512),
            encoder.getOutputShapes(new Shape[] {new Shape(2, 3, size, size)})[0]);
        float[] values = out.toFloatArray();
        for (float v : values) {
          assertTrue(v >= 0 && Float.isFinite(v), "pooled ReLU outputs are finite and >= 0");
        }
      }
    }
  }

  @Test
  void smallStemKeepsResolutionUntilLayer2() {
    try (NDManager manager = Engines.newManager()) {
      ResNet18 encoder = new ResNet18(ResNet18Config.encoder(true));
      Shape input = new Shape(4, 3, 32, 32);
      encoder.initialize(manager, DataType.FLOAT32, input);
      assertEquals(new Shape(4, 512), forward(manager, encoder, 4, 3, 32, true).getShape());
      List<String> names =
          encoder.getChildren().keys().stream().map(TorchvisionNames::moduleName).toList();
      assertFalse(names.contains("maxpool"));
      ModelSummary summary = ModelSummary.of(encoder, input);
      assertEquals(new Shape(4, 64, 32, 32), row(summary, "layer1").outputShape());
      assertEquals(new Shape(4, 512, 4, 4), row(summary, "layer4").outputShape());
    }
  }

  @Test
  void classifierOutputsLogits() {
    try (NDManager manager = Engines.newManager()) {
      ResNet18 net = new ResNet18(new ResNet18Config(3, false, 7));
      net.initialize(manager, DataType.FLOAT32, RGB_64);
      assertEquals(7, net.outputDim());
      assertEquals(new Shape(3, 7), forward(manager, net, 3, 3, 64, false).getShape());
    }
  }

  @Test
  void evalModeIsDeterministicAndBatchIndependent() {
    try (NDManager manager = Engines.newManager()) {
      ResNet18 encoder = new ResNet18(ResNet18Config.encoder(true));
      encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 16, 16));
      NDArray batch = Nets.randomImages(manager, 3, 2, 3, 16, 16);
      ParameterStore ps = new ParameterStore(manager, false);
      float[] both =
          encoder.forward(ps, new NDList(batch), false).singletonOrThrow().toFloatArray();
      float[] first =
          encoder
              .forward(ps, new NDList(batch.get("0:1")), false)
              .singletonOrThrow()
              .toFloatArray();
      float[] firstOfBoth = new float[512];
      System.arraycopy(both, 0, firstOfBoth, 0, 512);
      assertArrayEquals(firstOfBoth, first, 1e-5f);
    }
  }

  @Test
  void rejectsWrongChannelCount() {
    ResNet18 encoder = new ResNet18(ResNet18Config.encoder());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> encoder.getOutputShapes(new Shape[] {new Shape(2, 1, 64, 64)}));
    assertEquals("ResNet18 input must be [N][3][H][W], got (2, 1, 64, 64)", e.getMessage());
    try (NDManager manager = Engines.newManager()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> encoder.initialize(manager, DataType.FLOAT32, new Shape(2, 64, 64)));
    }
  }

  private static NDArray forward(
      NDManager manager, ResNet18 net, int n, int c, int size, boolean training) {
    NDArray x = Nets.randomImages(manager, 42, n, c, size, size);
    return net.forward(new ParameterStore(manager, false), new NDList(x), training)
        .singletonOrThrow();
  }

  private static ModelSummary.Row row(ModelSummary summary, String name) {
    return summary.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
