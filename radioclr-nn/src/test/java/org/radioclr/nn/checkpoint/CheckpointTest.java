package org.radioclr.nn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

class CheckpointTest {
  private static final ModelConfig SMALL =
      new ModelConfig(ResNet18Config.encoder(true), ProjectionHeadConfig.paper(), 16, null);

  /** A model of {@code config} with non-trivial weights and batch-norm statistics. */
  private static Model model(ModelConfig config, long seed) {
    Engines.pytorch().setRandomSeed((int) seed);
    Model model =
        Model.newInstance(Checkpoint.MODEL_NAME, Device.cpu(), Engines.pytorch().getEngineName());
    SimclrModel block = config.newModel();
    model.setBlock(block);
    Shape shape = new Shape(4, 3, config.imageSize(), config.imageSize());
    block.initialize(model.getNDManager(), DataType.FLOAT32, shape);
    try (NDManager scope = model.getNDManager().newSubManager()) {
      block.forward(new ParameterStore(scope, false), new NDList(images(scope, 4, seed)), true);
    }
    return model;
  }

  private static NDArray images(NDManager manager, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] data = new float[n * 3 * 16 * 16];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) r.nextDouble();
    }
    return manager.create(data, new Shape(n, 3, 16, 16));
  }

  private static float[][] outputs(Model model, NDManager manager) {
    NDList out =
        model
            .getBlock()
            .forward(new ParameterStore(manager, false), new NDList(images(manager, 3, 99)), false);
    return new float[][] {
      out.get(SimclrModel.FEATURES).toFloatArray(), out.get(SimclrModel.PROJECTIONS).toFloatArray()
    };
  }

  @Test
  void saveThenLoadGivesIdenticalOutputs(@TempDir Path dir) {
    Path folder = dir.resolve("run/checkpoints").resolve(Checkpoint.folderName(3));
    try (Model model = model(SMALL, 5);
        NDManager manager = Engines.pytorch().newBaseManager(Device.cpu())) {
      Checkpoint.save(folder, model, SMALL, new Provenance("test").put("seed", 5));
      for (String f : List.of("model-config.json", "simclr-0000.params", "provenance.json")) {
        assertTrue(Files.isRegularFile(folder.resolve(f)), f);
      }
      float[][] expected = outputs(model, manager);
      try (LoadedModel loaded = Checkpoint.load(dir.resolve("run"), Device.cpu())) {
        assertEquals(folder, loaded.folder());
        assertEquals(SMALL, loaded.config());
        float[][] got = outputs(loaded.model(), manager);
        assertArrayEquals(expected[0], got[0], 0f);
        assertArrayEquals(expected[1], got[1], 0f);
      }
    }
    assertThrows(
        BadInputException.class,
        () -> {
          try (Model m = model(SMALL, 6)) {
            Checkpoint.save(folder, m, SMALL, new Provenance("test"));
          }
        });
  }

  @Test
  void modelConfigJsonRoundTrips() {
    ModelConfig c =
        new ModelConfig(
            ResNet18Config.encoder(false),
            new ProjectionHeadConfig(512, 64, 32),
            96,
            PreprocessConfig.paper().withMaxInvalidFraction(0.1));
    assertEquals(c, Json.parse(Json.toJson(c), Path.of("m.json"), ModelConfig.class));
    assertEquals(SMALL, Json.parse(Json.toJson(SMALL), Path.of("m.json"), ModelConfig.class));
    assertTrue(Json.toJson(SMALL).contains("\"small_input_stem\" : true"));
  }

  /** model-config.json as earlier versions wrote it, and a short hand-written one, still read. */
  @Test
  void modelConfigJsonReadsEarlierFilesAndNamesProblems() {
    Path m = Path.of("model-config.json");
    String old =
        """
        {
          "encoder" : {
            "input_channels" : 3,
            "small_input_stem" : true,
            "num_classes" : 0
          },
          "head" : {
            "input_dim" : 512,
            "hidden_dim" : 256,
            "output_dim" : 128
          },
          "image_size" : 16,
          "preprocess" : null
        }
        """;
    assertEquals(SMALL, Json.parse(old, m, ModelConfig.class));
    assertEquals(old, Json.toJson(SMALL)); // and is written byte for byte the same
    assertEquals(
        SMALL,
        Json.parse(
            "{\"encoder\": {\"small_input_stem\": true}, \"head\": {}, \"image_size\": 16}",
            m,
            ModelConfig.class));
    assertEquals(
        "model-config.json: missing key \"image_size\"",
        assertThrows(
                BadInputException.class,
                () -> Json.parse("{\"encoder\": {}, \"head\": {}}", m, ModelConfig.class))
            .getMessage());
    assertEquals(
        "model-config.json: the SimCLR encoder must have no fc head, got numClasses 10",
        assertThrows(
                BadInputException.class,
                () ->
                    Json.parse(
                        "{\"encoder\": {\"num_classes\": 10}, \"head\": {}, \"image_size\": 16}",
                        m,
                        ModelConfig.class))
            .getMessage());
  }

  @Test
  void anotherArchitectureIsOneClearError(@TempDir Path dir) throws IOException {
    Path folder = dir.resolve("ck");
    try (Model model = model(SMALL, 5)) {
      Checkpoint.save(folder, model, SMALL, new Provenance("test"));
    }
    Path config = folder.resolve(ModelConfig.FILE_NAME);
    String original = Files.readString(config);
    // a narrower head: same layout, other shapes
    Files.writeString(config, original.replace("\"hidden_dim\" : 256", "\"hidden_dim\" : 64"));
    BadInputException e =
        assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()));
    assertTrue(
        e.getMessage()
            .startsWith(
                folder
                    + ": simclr-0000.params was written for another network than its"
                    + " model-config.json describes (small stem, 3 channels, head 512-64-128): "),
        e.getMessage());
    assertTrue(e.getMessage().contains("(256, 512), expected (64, 512)"), e.getMessage());
    // the standard stem: a max-pool more, so DJL's parameter stream does not fit; DJL's words
    // ("Cannot load parameters for ..., expected version 1, got 3") stay in the cause
    Files.writeString(
        config, original.replace("\"small_input_stem\" : true", "\"small_input_stem\" : false"));
    e = assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()));
    assertEquals(
        folder
            + ": simclr-0000.params was written for another network than its model-config.json"
            + " describes (standard stem, 3 channels, head 512-256-128)",
        e.getMessage());
    assertTrue(e.getCause() instanceof ai.djl.MalformedModelException, String.valueOf(e));
    Files.writeString(config, original);

    Files.delete(folder.resolve("provenance.json"));
    assertEquals(
        folder + ": incomplete checkpoint: provenance.json is missing",
        assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()))
            .getMessage());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertTrue(
        assertThrows(BadInputException.class, () -> Checkpoint.load(empty, Device.cpu()))
            .getMessage()
            .contains("not a checkpoint"));
  }

  @Test
  void aCheckpointOfAnotherNetworkThanExpectedIsSaidToBeOne(@TempDir Path dir) {
    Path folder = dir.resolve("ck");
    try (Model model = model(SMALL, 5)) {
      Checkpoint.save(folder, model, SMALL, new Provenance("test"));
    }
    ModelConfig standard =
        new ModelConfig(ResNet18Config.encoder(false), ProjectionHeadConfig.paper(), 16, null);
    try (Model into =
        Model.newInstance(Checkpoint.MODEL_NAME, Device.cpu(), Engines.pytorch().getEngineName())) {
      BadInputException e =
          assertThrows(BadInputException.class, () -> Checkpoint.loadInto(folder, into, standard));
      assertEquals(
          folder
              + ": checkpoint written for another network (small stem, 3 channels, head"
              + " 512-256-128, says its model-config.json) than expected here (standard stem, 3"
              + " channels, head 512-256-128)",
          e.getMessage());
    }
  }

  @Test
  void aParameterFileThatIsNotOneIsNotCalledAnotherNetwork(@TempDir Path dir) throws IOException {
    Path folder = dir.resolve("ck");
    try (Model model = model(SMALL, 5)) {
      Checkpoint.save(folder, model, SMALL, new Provenance("test"));
    }
    Files.writeString(folder.resolve(Checkpoint.PARAMS_FILE), "these are not parameters");
    BadInputException e =
        assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()));
    assertEquals(
        folder.resolve(Checkpoint.PARAMS_FILE)
            + ": not a DJL parameter file (it does not start with \"DJL@\")",
        e.getMessage());
  }

  @Test
  void latestSkipsIncompleteAndPruneKeepsTheNewest(@TempDir Path run) throws IOException {
    try (Model model = model(SMALL, 5)) {
      for (int e = 1; e <= 4; e++) {
        Checkpoint.save(
            run.resolve("checkpoints").resolve(Checkpoint.folderName(e)),
            model,
            SMALL,
            new Provenance("test"));
      }
    }
    Path partial = Files.createDirectories(run.resolve("checkpoints/epoch-0005"));
    // what a crash leaves: a checkpoint written but not renamed into place (complete here, to show
    // that the name alone keeps it out) and a half-written one
    Path unrenamed = run.resolve("checkpoints/.epoch-0006.tmp-1234");
    copyFolder(run.resolve("checkpoints/epoch-0004"), unrenamed);
    Path halfWritten = Files.createDirectories(run.resolve("checkpoints/.epoch-0007.tmp-99"));
    Files.write(halfWritten.resolve(Checkpoint.PARAMS_FILE), new byte[] {'D', 'J'});
    assertEquals(List.of(1, 2, 3, 4, 5), Checkpoint.list(run).stream().map(Pair::getKey).toList());
    assertEquals(run.resolve("checkpoints/epoch-0004"), Checkpoint.latest(run).orElseThrow());
    Checkpoint.prune(run, 2);
    List<Integer> left = Checkpoint.list(run).stream().map(Pair::getKey).toList();
    assertEquals(List.of(3, 4, 5), left);
    assertTrue(Files.isDirectory(partial));
    assertFalse(Files.exists(run.resolve("checkpoints/epoch-0001")));
    assertTrue(Files.isDirectory(unrenamed), "prune leaves what it does not list");
    // a prune cut short: the old checkpoint renamed away, its deletion not finished
    Path deleting = Files.createDirectories(run.resolve("checkpoints/.epoch-0001.deleting"));
    Files.writeString(deleting.resolve(ModelConfig.FILE_NAME), "{}");
    assertEquals(List.of(3, 4, 5), Checkpoint.list(run).stream().map(Pair::getKey).toList());

    assertEquals(
        List.of(
            Path.of("checkpoints/.epoch-0001.deleting"),
            Path.of("checkpoints/.epoch-0006.tmp-1234"),
            Path.of("checkpoints/.epoch-0007.tmp-99")),
        Checkpoint.removeLeftovers(run));
    for (Path p : List.of(unrenamed, halfWritten, deleting)) {
      assertFalse(Files.exists(p), p.toString());
    }
    assertEquals(List.of(3, 4, 5), Checkpoint.list(run).stream().map(Pair::getKey).toList());
    assertEquals(List.of(), Checkpoint.removeLeftovers(run));
  }

  @Test
  void aDamagedParameterFileIsNamedWithWhatIsWrong(@TempDir Path dir) throws IOException {
    Path folder = dir.resolve("ck");
    try (Model model = model(SMALL, 5)) {
      Checkpoint.save(folder, model, SMALL, new Provenance("test"));
    }
    Path params = folder.resolve(Checkpoint.PARAMS_FILE);
    byte[] whole = Files.readAllBytes(params);

    for (int length : new int[] {whole.length / 2, whole.length - 1, 100, 9}) {
      Files.write(params, java.util.Arrays.copyOf(whole, length));
      String message =
          assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()))
              .getMessage();
      assertEquals(
          params
              + ": truncated: the file ends after "
              + length
              + " bytes, before all the parameters of the network in model-config.json were read"
              + " (a copy or write cut short?)",
          message);
    }
    Files.write(params, java.util.Arrays.copyOf(whole, 3));
    assertEquals(
        params + ": truncated: the file ends after 3 bytes",
        assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()))
            .getMessage());
    Files.write(params, new byte[0]);
    assertEquals(
        params + ": empty file (a copy or write cut short?)",
        assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()))
            .getMessage());
    Files.writeString(params, "PK\u0003\u0004 a zip file, e.g. a PyTorch .pt");
    assertEquals(
        params + ": not a DJL parameter file (it does not start with \"DJL@\")",
        assertThrows(BadInputException.class, () -> Checkpoint.load(folder, Device.cpu()))
            .getMessage());
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (java.util.stream.Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
  }
}
