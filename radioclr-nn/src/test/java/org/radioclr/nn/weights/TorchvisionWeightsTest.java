package org.radioclr.nn.weights;

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
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.ResNet18;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.model.TorchvisionNames;
import org.radioclr.nn.weights.Safetensors.Tensor;

class TorchvisionWeightsTest {
  private static final Shape INPUT = new Shape(2, 3, 32, 32);

  @TempDir Path dir;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = Engines.newManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private <B extends Block> B init(B block) {
    block.initialize(manager, DataType.FLOAT32, INPUT);
    return block;
  }

  /** Sets every parameter (running statistics included) to seeded random values. */
  private static void randomise(Block block, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (Parameter p : TorchvisionNames.of(block).values()) {
      float[] v = new float[(int) p.getShape().size()];
      boolean variance = p.getName().equals("runningVar");
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (variance ? r.nextDouble(0.5, 2) : r.nextDouble(-0.1, 0.1));
      }
      p.getArray().set(FloatBuffer.wrap(v));
    }
  }

  private NDList forward(Block block, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[(int) INPUT.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble(-1, 1);
    }
    return block.forward(
        new ParameterStore(manager, false), new NDList(manager.create(x, INPUT)), false);
  }

  private static void assertSameOutputs(NDList a, NDList b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), "output " + i);
    }
  }

  @Test
  void exportThenLoadReproducesTheModelExactly() {
    SimclrModel original = init(SimclrModel.paper(true));
    randomise(original, 1);
    Path f = dir.resolve("ours.safetensors");
    TorchvisionWeights.export(f, original);

    SimclrModel fresh = init(SimclrModel.paper(true));
    NDList expected = forward(original, 7);
    float[] before = forward(fresh, 7).get(SimclrModel.PROJECTIONS).toFloatArray();
    assertFalse(
        java.util.Arrays.equals(before, expected.get(SimclrModel.PROJECTIONS).toFloatArray()),
        "a fresh model differs before loading");

    TorchvisionWeights.LoadReport report = TorchvisionWeights.load(f, fresh);
    assertEquals(100 + 7, report.loaded().size());
    assertEquals(20 + 1, report.ignored().size(), "num_batches_tracked of 20 + 1 batch norms");
    assertTrue(report.ignored().stream().allMatch(k -> k.endsWith("num_batches_tracked")));
    assertSameOutputs(expected, forward(fresh, 7));

    // the file itself: torchvision names, I64 zero counters, metadata
    Safetensors.Contents c = Safetensors.read(f);
    assertEquals(128, c.tensors().size());
    assertEquals(List.of(64L, 3L, 3L, 3L), boxed(c.tensors().get("conv1.weight").shape()));
    Tensor counter = c.tensors().get("layer2.0.downsample.1.num_batches_tracked");
    assertEquals(Safetensors.Dtype.I64, counter.dtype());
    assertEquals(0, counter.shape().length);
    assertTrue(c.tensors().containsKey("head.1.num_batches_tracked"));
    assertEquals("small", c.metadata().get("stem"));
  }

  private static List<Long> boxed(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }

  @Test
  void encoderOnlyExportLoadsTheEncoderAndLeavesTheHead() {
    SimclrModel original = init(SimclrModel.paper(false));
    randomise(original, 2);
    Path f = dir.resolve("encoder.safetensors");
    TorchvisionWeights.export(f, original, false);
    assertFalse(
        Safetensors.read(f).tensors().keySet().stream().anyMatch(k -> k.startsWith("head")));

    SimclrModel fresh = init(SimclrModel.paper(false));
    float[] head = fresh.head().getParameters().get(0).getValue().getArray().toFloatArray();
    TorchvisionWeights.LoadReport report = TorchvisionWeights.load(f, fresh);
    assertEquals(100, report.loaded().size());
    assertArrayEquals(
        forward(original, 3).get(SimclrModel.FEATURES).toFloatArray(),
        forward(fresh, 3).get(SimclrModel.FEATURES).toFloatArray());
    assertArrayEquals(
        head, fresh.head().getParameters().get(0).getValue().getArray().toFloatArray());
  }

  @Test
  void imagenetFileWithPrefixesLoadsIntoTheEncoderIgnoringFc() {
    ResNet18 imagenet = init(new ResNet18(ResNet18Config.imagenet()));
    randomise(imagenet, 3);
    Path plain = dir.resolve("resnet18.safetensors");
    TorchvisionWeights.export(plain, imagenet);
    Safetensors.Contents c = Safetensors.read(plain);
    assertEquals(122, c.tensors().size(), "torchvision's resnet18 state dict has 122 keys");
    assertEquals(List.of(1000L, 512L), boxed(c.tensors().get("fc.weight").shape()));

    // as saved from DataParallel around a SimCLR wrapper
    Map<String, Tensor> prefixed = new LinkedHashMap<>();
    c.tensors().forEach((k, t) -> prefixed.put("module.backbone." + k, t));
    Path f = dir.resolve("prefixed.safetensors");
    Safetensors.write(f, prefixed, Map.of());

    ResNet18 encoder = init(new ResNet18(ResNet18Config.encoder()));
    TorchvisionWeights.LoadReport report = TorchvisionWeights.load(f, encoder);
    assertEquals(100, report.loaded().size());
    assertTrue(report.ignored().contains("module.backbone.fc.weight"), report.ignored().toString());
    assertTrue(report.ignored().contains("module.backbone.fc.bias"));
    assertEquals(22, report.ignored().size());
    assertTrue(report.note().contains("ignored the fc classifier"), report.note());
    assertTrue(report.note().contains("20 num_batches_tracked"), report.note());
    Map<String, Parameter> src = TorchvisionNames.of(imagenet);
    TorchvisionNames.of(encoder)
        .forEach(
            (k, p) ->
                assertArrayEquals(
                    src.get(k).getArray().toFloatArray(), p.getArray().toFloatArray(), k));
  }

  @Test
  void wrongShapeIsRefusedNamingTheKeyAndChangesNothing() {
    ResNet18 source = init(new ResNet18(ResNet18Config.encoder()));
    Path good = dir.resolve("good.safetensors");
    TorchvisionWeights.export(good, source);
    Map<String, Tensor> tensors = new LinkedHashMap<>(Safetensors.read(good).tensors());
    // ResNet50's layer1.0.conv1 is a 1x1 convolution
    tensors.put("layer1.0.conv1.weight", Tensor.f32(new long[] {64, 64, 1, 1}, new float[4096]));
    Path f = dir.resolve("resnet50ish.safetensors");
    Safetensors.write(f, tensors, Map.of());

    ResNet18 target = init(new ResNet18(ResNet18Config.encoder()));
    NDArray conv1 = TorchvisionNames.of(target).get("conv1.weight").getArray();
    float[] before = conv1.toFloatArray();
    BadInputException e =
        assertThrows(BadInputException.class, () -> TorchvisionWeights.load(f, target));
    String m = e.getMessage();
    assertTrue(m.contains("resnet50ish.safetensors"), m);
    assertTrue(m.contains("layer1.0.conv1.weight"), m);
    assertTrue(m.contains("[64, 64, 1, 1]") && m.contains("[64, 64, 3, 3]"), m);
    assertArrayEquals(before, conv1.toFloatArray(), "nothing loaded from a refused file");

    // the other stem: conv1 is 3x3 instead of 7x7
    ResNet18 small = init(new ResNet18(new ResNet18Config(3, true, 0)));
    BadInputException stem =
        assertThrows(BadInputException.class, () -> TorchvisionWeights.load(good, small));
    assertTrue(stem.getMessage().contains("conv1.weight"), stem.getMessage());
    assertTrue(stem.getMessage().contains("stem"), stem.getMessage());
  }

  @Test
  void missingTensorIsRefusedNamingTheKey() {
    ResNet18 source = init(new ResNet18(ResNet18Config.encoder()));
    Path good = dir.resolve("good.safetensors");
    TorchvisionWeights.export(good, source);
    Map<String, Tensor> tensors = new LinkedHashMap<>(Safetensors.read(good).tensors());
    tensors.remove("layer4.1.bn2.running_var");
    Path f = dir.resolve("partial.safetensors");
    Safetensors.write(f, tensors, Map.of());
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> TorchvisionWeights.load(f, init(new ResNet18(ResNet18Config.encoder()))));
    assertTrue(e.getMessage().contains("no tensor layer4.1.bn2.running_var"), e.getMessage());
  }

  @Test
  void duplicateKeysAfterStrippingAndWrongBlocksAreRefused() {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("conv1.weight", Tensor.f32(new long[] {1}, new float[1]));
    tensors.put("module.conv1.weight", Tensor.f32(new long[] {1}, new float[1]));
    Path f = dir.resolve("dup.safetensors");
    Safetensors.write(f, tensors, Map.of());
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> TorchvisionWeights.load(f, init(new ResNet18(ResNet18Config.encoder()))));
    assertTrue(e.getMessage().contains("both name conv1.weight"), e.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> TorchvisionWeights.load(f, new ResNet18(ResNet18Config.encoder())),
        "not initialised");
    assertThrows(
        IllegalArgumentException.class,
        () -> TorchvisionWeights.export(f, init(SimclrModel.paper(true)).head()));
    assertEquals(
        "layer1.0.bn1.weight", TorchvisionWeights.strip("module.encoder.layer1.0.bn1.weight"));
  }
}
