package org.radioclr.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void aNamedDeviceOverridesTheChoice() {
    assertEquals(Device.cpu(), Engines.parseDevice(" CPU ", 2));
    assertEquals(Device.gpu(0), Engines.parseDevice("gpu", 1));
    assertEquals(Device.gpu(1), Engines.parseDevice("gpu:1", 2));
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> Engines.parseDevice("gpu", 0));
    assertEquals(
        "RADIOCLR_DEVICE asks for gpu but this libtorch sees 0 GPU(s) (the CPU build sees none;"
            + " see docs/gpu.md)",
        none.getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Engines.parseDevice("tpu", 0));
    assertEquals("RADIOCLR_DEVICE must be cpu, gpu or gpu:N, got 'tpu'", bad.getMessage());
  }
}
