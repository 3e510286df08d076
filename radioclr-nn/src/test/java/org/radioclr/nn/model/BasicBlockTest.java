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
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class BasicBlockTest {
  @Test
  void downsampleOnlyWhenStrideOrWidthChanges() {
    assertFalse(new BasicBlock(64, 64, 1).hasDownsample());
    assertTrue(new BasicBlock(64, 64, 2).hasDownsample());
    assertTrue(new BasicBlock(64, 128, 1).hasDownsample());
    assertTrue(new BasicBlock(64, 128, 2).hasDownsample());
  }

  @Test
  void strideTwoHalvesRoundingUp() {
    try (NDManager manager = Engines.newManager()) {
      BasicBlock block = new BasicBlock(8, 16, 2);
      Shape in = new Shape(2, 8, 15, 15);
      block.initialize(manager, DataType.FLOAT32, in);
      NDArray out =
          block
              .forward(
                  new ParameterStore(manager, false),
                  new NDList(Nets.randomImages(manager, 1, 2, 8, 15, 15)),
                  true)
              .singletonOrThrow();
      assertEquals(new Shape(2, 16, 8, 8), out.getShape());
      assertEquals(out.getShape(), block.getOutputShapes(new Shape[] {in})[0]);
      // conv1 8->16 3x3, conv2 16->16 3x3, downsample 8->16 1x1, three BNs of 16 (weight + bias)
      assertEquals(8 * 16 * 9 + 16 * 16 * 9 + 8 * 16 + 3 * 2 * 16, Nets.trainableParameters(block));
    }
  }

  @Test
  void skipConnectionPassesInputWhenConvolutionsAreZero() {
    try (NDManager manager = Engines.newManager()) {
      BasicBlock block = new BasicBlock(4, 4, 1);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 5, 5));
      for (Parameter p : block.getParameters().values()) {
        if (p.getType() == Parameter.Type.WEIGHT) {
          p.getArray().muli(0);
        }
      }
      NDArray x = Nets.randomImages(manager, 9, 1, 4, 5, 5);
      // inference: BN uses running mean 0 and variance 1, so bn2(conv2(...)) = 0 and out = relu(x)
      NDArray out =
          block
              .forward(new ParameterStore(manager, false), new NDList(x), false)
              .singletonOrThrow();
      float[] expected = x.toFloatArray();
      for (int i = 0; i < expected.length; i++) {
        expected[i] = Math.max(0f, expected[i]);
      }
      assertArrayEquals(expected, out.toFloatArray(), 1e-4f);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertEquals(
        "stride must be 1 or 2, got 3",
        assertThrows(IllegalArgumentException.class, () -> new BasicBlock(4, 4, 3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BasicBlock(0, 4, 1));
  }
}
