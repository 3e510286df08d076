package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class NamedSequentialBlockTest {
  @Test
  void runsChildrenInOrderAndChainsShapes() {
    try (NDManager manager = Engines.newManager()) {
      NamedSequentialBlock seq =
          new NamedSequentialBlock()
              .add("0", Layers.linear(3, true))
              .add("1", Ops.relu())
              .add("2", Layers.linear(2, false));
      seq.initialize(manager, DataType.FLOAT32, new Shape(5, 4));
      assertEquals(new Shape(5, 2), seq.getOutputShapes(new Shape[] {new Shape(5, 4)})[0]);
      assertEquals(
          List.of("0.weight", "0.bias", "2.weight"),
          List.copyOf(TorchvisionNames.of(seq).keySet()));
      NDArray x = Nets.randomImages(manager, 5, 5, 4, 1, 1).reshape(5, 4);
      NDArray out =
          seq.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
      NDArray w0 = TorchvisionNames.of(seq).get("0.weight").getArray();
      NDArray b0 = TorchvisionNames.of(seq).get("0.bias").getArray();
      NDArray w2 = TorchvisionNames.of(seq).get("2.weight").getArray();
      NDArray expected = x.matMul(w0.transpose()).add(b0).maximum(0f).matMul(w2.transpose());
      assertArrayEquals(expected.toFloatArray(), out.toFloatArray(), 1e-6f);
    }
  }

  @Test
  void rejectsDuplicateAndEmptyNames() {
    NamedSequentialBlock seq = new NamedSequentialBlock().add("relu", Ops.relu());
    assertEquals(
        "child name relu is already used",
        assertThrows(IllegalArgumentException.class, () -> seq.add("relu", Ops.relu()))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> seq.add("", Ops.relu()));
  }
}
