package org.radioclr.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EnginesTest {
  @Test
  void loadsPytorchOfflineAndComputes() {
    Engine engine = Engines.pytorch();
    assertEquals("PyTorch", engine.getEngineName());
    assertEquals("true", System.getProperty(Engines.OFFLINE_PROPERTY));
    try (NDManager manager = Engines.newManager()) {
      NDArray x = manager.create(new float[] {1, 2, 3});
      assertEquals(14f, x.mul(x).sum().getFloat(), 0f);
      assertEquals(Engines.bestDevice(), manager.getDevice());
    }
  }

  @Test
  void picksGpuOnlyWhenTheEngineSeesOne() {
    Device expected = Engines.pytorch().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    assertEquals(expected, Engines.bestDevice());
  }
}
