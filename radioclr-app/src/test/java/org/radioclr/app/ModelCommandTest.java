package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.weights.Safetensors;

class ModelCommandTest {
  @TempDir Path tmp;

  @Test
  void infoOfACheckpointDescribesThatModel() throws IOException {
    Path ckpt = TestCheckpoints.random(tmp.resolve("ckpt"));
    CliRun r = CliRun.of("model", "info", ckpt.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("checkpoint " + ckpt), r.out());
    // The small stem keeps 32x32 through layer1: its output shape says so.
    assertTrue(r.out().contains("[1, 64, 32, 32]"), r.out());
  }

  @Test
  void exportWritesTorchvisionNamesWithOrWithoutTheHead() throws IOException {
    Path ckpt = TestCheckpoints.random(tmp.resolve("ckpt"));
    Path full = tmp.resolve("full.safetensors");
    assertEquals(
        0, CliRun.of("model", "export", ckpt.toString(), "--out", full.toString()).exitCode());
    Path bare = tmp.resolve("bare.safetensors");
    CliRun r = CliRun.of("model", "export", ckpt.toString(), "--out", bare.toString(), "--no-head");
    assertEquals(0, r.exitCode(), r.err());
    Map<String, Safetensors.Tensor> withHead = Safetensors.read(full).tensors();
    Map<String, Safetensors.Tensor> encoder = Safetensors.read(bare).tensors();
    assertTrue(encoder.containsKey("conv1.weight"));
    assertTrue(encoder.containsKey("layer4.1.bn2.running_var"));
    assertFalse(encoder.keySet().stream().anyMatch(k -> k.startsWith("head.")));
    assertTrue(withHead.keySet().stream().anyMatch(k -> k.startsWith("head.")));
    assertTrue(withHead.keySet().containsAll(encoder.keySet()));
    assertEquals(
        "small", Safetensors.read(bare).metadata().get("stem"), "the stem is recorded for users");
  }

  @Test
  void exportRefusesAnotherExtensionAndAMissingRun() {
    CliRun ext =
        CliRun.of("model", "export", tmp.toString(), "--out", tmp.resolve("w.pt").toString());
    assertEquals(2, ext.exitCode());
    assertEquals(
        CliRun.usageError("radioclr model export", "--out must end in .safetensors, got w.pt"),
        ext.err());
    Path out = tmp.resolve("w.safetensors");
    CliRun missing =
        CliRun.of("model", "export", tmp.resolve("nope").toString(), "--out", out.toString());
    assertEquals(1, missing.exitCode());
    assertEquals(
        "radioclr: "
            + tmp.resolve("nope")
            + ": no such checkpoint or run folder (shipped encoders: radioclr-first-v1)\n",
        missing.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void initWritesASeededRandomCheckpoint() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    for (Path p : List.of(a, b)) {
      CliRun r =
          CliRun.of("model", "init", "--out", p.toString(), "--image-size", "32", "--seed", "4");
      assertEquals(0, r.exitCode(), r.err());
    }
    assertEquals(
        0,
        CliRun.of("model", "init", "--out", c.toString(), "--image-size", "32", "--seed", "5")
            .exitCode());
    assertTrue(Checkpoint.isComplete(a));
    assertTrue(
        Files.readString(a.resolve("model-config.json")).contains("\"small_input_stem\" : true"),
        "auto stem at 32 px is the small one");
    Path fa = tmp.resolve("a.safetensors");
    Path fb = tmp.resolve("b.safetensors");
    Path fc = tmp.resolve("c.safetensors");
    CliRun.of("model", "export", a.toString(), "--out", fa.toString());
    CliRun.of("model", "export", b.toString(), "--out", fb.toString());
    CliRun.of("model", "export", c.toString(), "--out", fc.toString());
    float[] wa = Safetensors.read(fa).tensors().get("conv1.weight").values();
    assertArrayEquals(wa, Safetensors.read(fb).tensors().get("conv1.weight").values());
    assertFalse(Arrays.equals(wa, Safetensors.read(fc).tensors().get("conv1.weight").values()));
    CliRun again = CliRun.of("model", "init", "--out", a.toString());
    assertEquals(1, again.exitCode());
    assertEquals("radioclr: " + a + ": checkpoint folder exists already\n", again.err());
  }
}
