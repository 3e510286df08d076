package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class ProjectionHeadTest {
  @Test
  void paperHeadShapesAndParameterCount() {
    try (NDManager manager = Engines.newManager()) {
      ProjectionHead head = new ProjectionHead(ProjectionHeadConfig.paper());
      head.initialize(manager, DataType.FLOAT32, new Shape(6, 512));
      // 512x256 (no bias) + BN 2x256 + 256x128 + 128
      assertEquals(131_072L + 512 + 32_768 + 128, Nets.trainableParameters(head));
      assertEquals(164_480L, Nets.trainableParameters(head));
      NDArray x = Nets.randomImages(manager, 2, 6, 512, 1, 1).reshape(6, 512);
      NDArray out =
          head.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
      assertEquals(new Shape(6, 128), out.getShape());
    }
  }

  @Test
  void configurableSizes() {
    try (NDManager manager = Engines.newManager()) {
      ProjectionHead head = new ProjectionHead(new ProjectionHeadConfig(16, 8, 4));
      head.initialize(manager, DataType.FLOAT32, new Shape(3, 16));
      assertEquals(16 * 8 + 2 * 8 + 8 * 4 + 4, Nets.trainableParameters(head));
      assertEquals(new Shape(3, 4), head.getOutputShapes(new Shape[] {new Shape(3, 16)})[0]);
    }
  }

  @Test
  void trainingModeNormalisesTheHiddenLayerOverTheBatch() {
    try (NDManager manager = Engines.newManager()) {
      ProjectionHead head = new ProjectionHead(new ProjectionHeadConfig(5, 3, 2));
      head.initialize(manager, DataType.FLOAT32, new Shape(8, 5));
      NDArray x = Nets.randomImages(manager, 4, 8, 5, 1, 1).reshape(8, 5).mul(10).add(3);
      // hidden = BN(Linear(x)) with gamma 1, beta 0: zero mean and unit variance over the batch
      NDList hidden = new NDList(x);
      ParameterStore ps = new ParameterStore(manager, false);
      int i = 0;
      for (var child : head.getChildren().values()) {
        if (i++ == 2) {
          break;
        }
        hidden = child.forward(ps, hidden, true);
      }
      float[] mean = hidden.singletonOrThrow().mean(new int[] {0}).toFloatArray();
      for (float m : mean) {
        assertEquals(0f, m, 1e-5f);
      }
    }
  }

  @Test
  void rejectsWrongInputWidth() {
    ProjectionHead head = new ProjectionHead(ProjectionHeadConfig.paper());
    assertEquals(
        "projection head input must be [N][512], got (4, 256)",
        assertThrows(
                IllegalArgumentException.class,
                () -> head.getOutputShapes(new Shape[] {new Shape(4, 256)}))
            .getMessage());
  }
}
