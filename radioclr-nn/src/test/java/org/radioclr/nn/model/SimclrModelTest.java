package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class SimclrModelTest {
  @Test
  void returnsFeaturesAndProjections() {
    try (NDManager manager = Engines.newManager()) {
      SimclrModel model = SimclrModel.paper(true);
      Shape input = new Shape(4, 3, 32, 32);
      model.initialize(manager, DataType.FLOAT32, input);
      assertEquals(11_168_832L + 164_480L, Nets.trainableParameters(model));
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray x = Nets.randomImages(manager, 11, 4, 3, 32, 32);
      NDList out = model.forward(ps, new NDList(x), false);
      assertEquals(2, out.size());
      assertEquals(new Shape(4, 512), out.get(SimclrModel.FEATURES).getShape());
      assertEquals(new Shape(4, 128), out.get(SimclrModel.PROJECTIONS).getShape());
      Shape[] shapes = model.getOutputShapes(new Shape[] {input});
      assertEquals(new Shape(4, 512), shapes[0]);
      assertEquals(new Shape(4, 128), shapes[1]);
      // the features are the encoder's own output
      NDArray direct = model.encoder().forward(ps, new NDList(x), false).singletonOrThrow();
      assertArrayEquals(direct.toFloatArray(), out.get(SimclrModel.FEATURES).toFloatArray(), 0f);
    }
  }

  @Test
  void parametersRoundTripThroughDjlStreams() throws IOException, MalformedModelException {
    try (NDManager manager = Engines.newManager()) {
      Shape input = new Shape(2, 3, 16, 16);
      SimclrModel original = SimclrModel.paper(true);
      original.initialize(manager, DataType.FLOAT32, input);
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray x = Nets.randomImages(manager, 13, 2, 3, 16, 16);
      original.forward(ps, new NDList(x), true); // move the BN running statistics off 0 / 1
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        original.saveParameters(out);
      }
      SimclrModel copy = SimclrModel.paper(true);
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy.loadParameters(manager, in);
      }
      for (int i : new int[] {SimclrModel.FEATURES, SimclrModel.PROJECTIONS}) {
        assertArrayEquals(
            original.forward(ps, new NDList(x), false).get(i).toFloatArray(),
            copy.forward(ps, new NDList(x), false).get(i).toFloatArray(),
            0f);
      }
    }
  }

  @Test
  void rejectsEncoderWithClassifierOrMismatchedHead() {
    assertEquals(
        "the SimCLR encoder must have no fc head, got numClasses 1000",
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimclrModel(ResNet18Config.imagenet(), ProjectionHeadConfig.paper()))
            .getMessage());
    assertEquals(
        "projection head inputDim must be 512 (the encoder's width), got 256",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new SimclrModel(
                        ResNet18Config.encoder(), new ProjectionHeadConfig(256, 128, 64)))
            .getMessage());
  }
}
