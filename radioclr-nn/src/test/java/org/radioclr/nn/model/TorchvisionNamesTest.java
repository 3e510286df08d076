package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class TorchvisionNamesTest {
  /** One line of the committed torchvision key list. */
  private record Key(String name, Shape shape, boolean trainable) {}

  @Test
  void resnet18MatchesTorchvisionStateDict() throws IOException {
    List<Key> expected = readExpected();
    assertEquals(102, expected.size());
    long expectedTrainable =
        expected.stream().filter(Key::trainable).mapToLong(k -> k.shape().size()).sum();
    assertEquals(11_689_512L, expectedTrainable);

    try (NDManager manager = Engines.newManager()) {
      ResNet18 net = new ResNet18(ResNet18Config.imagenet());
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
      Map<String, Parameter> names = TorchvisionNames.of(net);
      assertEquals(
          expected.stream().map(Key::name).toList(), new ArrayList<>(names.keySet()), "key order");
      for (Key key : expected) {
        Parameter p = names.get(key.name());
        assertEquals(key.shape(), p.getShape(), key.name());
        assertEquals(key.trainable(), p.requiresGradient(), key.name());
      }
    }
  }

  @Test
  void simclrModelPrefixesEncoderAndHead() {
    try (NDManager manager = Engines.newManager()) {
      SimclrModel model = SimclrModel.paper(false);
      model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      Map<String, Parameter> names = TorchvisionNames.of(model);
      assertEquals(100 + 7, names.size()); // encoder without fc, head: 2 + 4 + 1 (+0 for relu)
      assertEquals(new Shape(64, 3, 7, 7), names.get("encoder.conv1.weight").getShape());
      assertEquals(new Shape(256, 512), names.get("head.0.weight").getShape());
      assertEquals(new Shape(256), names.get("head.1.running_var").getShape());
      assertEquals(new Shape(128), names.get("head.3.bias").getShape());
      assertTrue(
          names.keySet().stream().allMatch(k -> k.startsWith("encoder.") || k.startsWith("head.")));
      // the encoder's own map is the torchvision key set without fc
      assertEquals(100, TorchvisionNames.of(model.encoder()).size());
      assertTrue(TorchvisionNames.of(model.encoder()).containsKey("layer4.1.bn2.running_mean"));
    }
  }

  @Test
  void unknownParameterNamesAreRejected() {
    assertEquals("running_var", TorchvisionNames.parameterName("runningVar"));
    assertThrows(IllegalArgumentException.class, () -> TorchvisionNames.parameterName("alpha"));
    assertEquals("layer1", TorchvisionNames.moduleName("05layer1"));
    assertEquals("0", TorchvisionNames.moduleName("010"));
  }

  private static List<Key> readExpected() throws IOException {
    List<Key> keys = new ArrayList<>();
    try (InputStream in =
            TorchvisionNamesTest.class.getResourceAsStream("torchvision_resnet18_state_dict.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        long[] dims = Arrays.stream(f[1].split(",")).mapToLong(Long::parseLong).toArray();
        keys.add(new Key(f[0], new Shape(dims), f[2].equals("parameter")));
      }
    }
    return keys;
  }
}
