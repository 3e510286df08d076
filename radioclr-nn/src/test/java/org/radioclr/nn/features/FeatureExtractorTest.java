package org.radioclr.nn.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureTable;
import org.radioclr.nn.model.SimclrModel;

class FeatureExtractorTest {
  private static final int COUNT = 10;

  @TempDir static Path shared;
  static Path checkpoint;
  static Path datalist;

  @TempDir Path tmp;

  @BeforeAll
  static void fixtures() {
    checkpoint = FeatureFixtures.checkpoint(shared.resolve("ckpt"), true, FeatureFixtures.SIZE, 3);
    datalist = FeatureFixtures.dataset(shared.resolve("data"), COUNT);
  }

  private static FeatureOptions options(int batch) {
    return new FeatureOptions(false, batch, 2, false, false);
  }

  @Test
  void dihedralFeaturesDoNotChangeWhenTheImageIsRotatedOrMirrored() {
    int side = FeatureFixtures.SIZE;
    int plane = side * side;
    java.util.Random random = new java.util.Random(5);
    float[] image = new float[3 * plane];
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextFloat();
    }
    float[] rotated = new float[image.length]; // 90 degrees: (y, x) <- (x, side - 1 - y)
    float[] mirrored = new float[image.length];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          rotated[c * plane + y * side + x] = image[c * plane + x * side + (side - 1 - y)];
          mirrored[c * plane + y * side + x] = image[c * plane + y * side + (side - 1 - x)];
        }
      }
    }
    float[] plain;
    float[] plainRotated;
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      plain = fx.infer(image, 1);
      plainRotated = fx.infer(rotated, 1);
    }
    float[] a;
    float[] b;
    float[] m;
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4).withDihedral(true))) {
      a = fx.infer(image, 1);
      b = fx.infer(rotated, 1);
      m = fx.infer(mirrored, 1);
    }
    assertEquals(512, a.length);
    assertTrue(maxDifference(plain, plainRotated) > 1e-3, "a random network is not invariant");
    assertTrue(maxDifference(a, plain) > 1e-4, "the average differs from one orientation");
    assertTrue(maxDifference(a, b) < 1e-4, "rotated: " + maxDifference(a, b));
    assertTrue(maxDifference(a, m) < 1e-4, "mirrored: " + maxDifference(a, m));
  }

  private static double maxDifference(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  @Test
  void csvHasKeysExtrasAndFeatureColumnsForEveryImage() throws Exception {
    Path out = tmp.resolve("features.csv");
    ExtractionSummary summary;
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      assertEquals(512, fx.dimension());
      assertEquals(FeatureFixtures.SIZE, fx.imageSize());
      summary = fx.extract(datalist, out, ProgressListener.NONE);
    }
    assertEquals(COUNT, summary.rows());
    assertTrue(summary.skipped().isEmpty());
    String header = Files.readAllLines(out).get(0);
    assertTrue(header.startsWith("sname,id,label,rms,field,f0,f1,"), header);
    assertTrue(header.endsWith(",f511"), header);
    assertEquals(3 + 2 + 512, header.split(",").length);

    FeatureTable table = FeatureTable.read(out);
    assertEquals(COUNT, table.size());
    assertEquals(512, table.dimension());
    assertEquals("src0", table.snames().get(0));
    assertEquals("src9", table.snames().get(9));
    assertEquals("FRI;FRII", table.labels().get(1));
    assertEquals("0;1", table.ids().get(1));
    assertEquals("COMPACT", table.labels().get(2));
    assertEquals(List.of("rms", "field"), List.copyOf(table.extras().keySet()));
    assertEquals(3e-4, Double.parseDouble(table.extras().get("rms").get(2)), 1e-12);
    assertEquals("f1", table.extras().get("field").get(3));
  }

  @Test
  void parquetMatchesCsvAndHasItsTypes() throws Exception {
    Path csv = tmp.resolve("f.csv");
    Path parquet = tmp.resolve("f.parquet");
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(3))) {
      fx.extract(datalist, csv, ProgressListener.NONE);
      fx.extract(datalist, parquet, ProgressListener.NONE);
    }
    FeatureTable a = FeatureTable.read(csv);
    FeatureTable b = FeatureTable.read(parquet);
    assertEquals(a.snames(), b.snames());
    assertEquals(a.labels(), b.labels());
    assertEquals(a.ids(), b.ids());
    assertEquals(a.extras().get("field"), b.extras().get("field"));
    for (int i = 0; i < COUNT; i++) {
      assertArrayEquals(a.features()[i], b.features()[i]);
      assertEquals(
          Double.parseDouble(a.extras().get("rms").get(i)),
          Double.parseDouble(b.extras().get("rms").get(i)));
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + parquet.toAbsolutePath()
                    + "'))")) {
      List<String> cols = new ArrayList<>();
      while (rs.next()) {
        cols.add(rs.getString(1) + ":" + rs.getString(2));
      }
      assertEquals(
          List.of("sname:VARCHAR", "id:VARCHAR", "label:VARCHAR", "rms:DOUBLE", "field:VARCHAR"),
          cols.subList(0, 5));
      assertEquals("f0:FLOAT", cols.get(5));
      assertEquals("f511:FLOAT", cols.get(cols.size() - 1));
      assertEquals(5 + 512, cols.size());
    }
    try (var files = Files.list(tmp)) {
      assertEquals(2, files.count(), "no temporary files left beside the outputs");
    }
  }

  @Test
  void featuresAreDeterministicAndEqualToADirectForwardPass() throws Exception {
    float[][] first;
    float[][] second;
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      first = rows(fx);
    }
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      second = rows(fx);
    }
    for (int i = 0; i < COUNT; i++) {
      assertArrayEquals(first[i], second[i], "run-to-run, row " + i);
    }
    Preprocessor pre =
        new Preprocessor(
            PreprocessConfig.paper().withOutputSize(FeatureFixtures.SIZE, FeatureFixtures.SIZE));
    try (Model model = FeatureFixtures.loadDirect(checkpoint, true);
        NDManager manager = model.getNDManager().newSubManager()) {
      for (int i = 0; i < COUNT; i++) {
        Path file = shared.resolve("data/img" + i + ".fits");
        Cube cube = pre.process(FitsReader.read(file).plane());
        NDArray x = manager.create(cube.data(), new Shape(1, 3, cube.height(), cube.width()));
        NDList out =
            model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
        float[] expected = out.get(SimclrModel.FEATURES).toFloatArray();
        assertEquals(512, expected.length);
        double scale = 0;
        for (float v : expected) {
          scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, "features are not all zero");
        for (int j = 0; j < expected.length; j++) {
          assertEquals(expected[j], first[i][j], 1e-4 * scale, "image " + i + " feature " + j);
        }
      }
    }
  }

  @Test
  void batchSizeDoesNotChangeTheFeaturesBeyondRounding() {
    float[][] one;
    float[][] seven;
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(1))) {
      one = rows(fx);
    }
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(7))) {
      seven = rows(fx);
    }
    for (int i = 0; i < COUNT; i++) {
      assertArrayEquals(one[i], seven[i], 1e-4f, "row " + i);
    }
  }

  @Test
  void projectionModeGivesTheHeadsOutput() throws Exception {
    Path out = tmp.resolve("proj.parquet");
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4).withProjection(true))) {
      assertEquals(128, fx.dimension());
      fx.extract(datalist, out, ProgressListener.NONE);
    }
    FeatureTable table = FeatureTable.read(out);
    assertEquals(COUNT, table.size());
    assertEquals(128, table.dimension());
  }

  @Test
  void badImagesAreSkippedAndReportedOrFailInStrictMode() {
    Path data = FeatureFixtures.dataset(tmp.resolve("bad"), 6, 2, 5);
    Path out = tmp.resolve("out.csv");
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      ExtractionSummary summary = fx.extract(data, out, ProgressListener.NONE);
      assertEquals(4, summary.rows());
      assertEquals(
          List.of("src2", "src5"),
          summary.skipped().stream().map(SkippedImages.Entry::sname).toList());
      assertTrue(summary.skipped().get(0).file().endsWith("img2.fits"));
      assertFalse(summary.skipped().get(0).detail().isBlank());
    }
    assertEquals(List.of("src0", "src1", "src3", "src4"), FeatureTable.read(out).snames());

    Path strictOut = tmp.resolve("strict.csv");
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4).withStrict(true))) {
      BadInputException e =
          assertThrows(
              BadInputException.class, () -> fx.extract(data, strictOut, ProgressListener.NONE));
      assertTrue(e.getMessage().contains("img2.fits"), e.getMessage());
    }
    assertFalse(Files.exists(strictOut), "nothing half-written");
  }

  @Test
  void runFolderResolvesToItsLatestCompleteCheckpoint() throws Exception {
    Path run = tmp.resolve("run");
    Path ckpts = run.resolve("checkpoints");
    FeatureFixtures.checkpoint(ckpts.resolve("epoch-0002"), true, FeatureFixtures.SIZE, 3);
    Files.createDirectories(ckpts.resolve("epoch-0003")); // incomplete: ignored
    Files.writeString(ckpts.resolve("epoch-0003/model-config.json"), "{}");
    assertEquals(
        ckpts.resolve("epoch-0002").toAbsolutePath().normalize(),
        org.radioclr.nn.checkpoint.Checkpoint.resolve(run));
    float[][] viaRun;
    try (FeatureExtractor fx = FeatureExtractor.open(run, options(4))) {
      viaRun = rows(fx);
    }
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      float[][] direct = rows(fx);
      for (int i = 0; i < COUNT; i++) {
        assertArrayEquals(direct[i], viaRun[i]);
      }
    }
  }

  @Test
  void missingOrIncompleteCheckpointsGiveOneLineErrors() throws Exception {
    BadInputException missing =
        assertThrows(
            BadInputException.class, () -> FeatureExtractor.open(tmp.resolve("nope"), options(4)));
    assertTrue(missing.getMessage().contains("no such checkpoint"), missing.getMessage());

    Path partial = Files.createDirectories(tmp.resolve("partial"));
    Files.writeString(partial.resolve("model-config.json"), "{}");
    BadInputException incomplete =
        assertThrows(BadInputException.class, () -> FeatureExtractor.open(partial, options(4)));
    assertTrue(
        incomplete.problem().startsWith("incomplete checkpoint: simclr-0000.params"),
        incomplete.problem());

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    BadInputException neither =
        assertThrows(BadInputException.class, () -> FeatureExtractor.open(empty, options(4)));
    assertTrue(neither.problem().startsWith("not a checkpoint"), neither.problem());
    assertFalse(neither.getMessage().contains("\n"));
  }

  @Test
  void checkpointOfAnotherArchitectureIsRejected() throws Exception {
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    for (String name : List.of("simclr-0000.params", "provenance.json")) {
      Files.copy(checkpoint.resolve(name), other.resolve(name));
    }
    // the parameters are those of the small stem; the config claims torchvision's 7x7 stem
    Files.writeString(
        other.resolve("model-config.json"),
        Files.readString(checkpoint.resolve("model-config.json"))
            .replace("\"small_input_stem\": true", "\"small_input_stem\": false"));
    BadInputException e =
        assertThrows(BadInputException.class, () -> FeatureExtractor.open(other, options(4)));
    assertTrue(e.getMessage().startsWith(other.toString()), e.getMessage());
    assertTrue(e.problem().contains("written for another network"), e.problem());
  }

  @Test
  void aFailingReaderIsTheFailureReportedEvenWhenCleanUpFailsToo() {
    // The datalist reader breaks after a few entries; then the progress display fails to finish.
    // The reader's failure is the one that counts; the later one must not hide it.
    ProgressListener failingFinish =
        new ProgressListener() {
          @Override
          public void start(String task, long total) {}

          @Override
          public void advance(long done) {}

          @Override
          public void finish() {
            throw new IllegalStateException("progress display broke");
          }
        };
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4));
        var reader = org.radioclr.core.datalist.DatalistReader.open(datalist)) {
      java.util.Iterator<org.radioclr.core.datalist.DatalistEntry> failing =
          new java.util.Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
              return true;
            }

            @Override
            public org.radioclr.core.datalist.DatalistEntry next() {
              if (served++ == 6) {
                throw new BadInputException(datalist, "entry 7: truncated JSON");
              }
              return reader.next();
            }
          };
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> fx.extract(failing, (entry, features, offset) -> {}, failingFinish));
      assertEquals("entry 7: truncated JSON", e.problem());
      assertEquals(1, e.getSuppressed().length);
      assertEquals("progress display broke", e.getSuppressed()[0].getMessage());
    }
  }

  @Test
  void cleanUpRunsEveryStepAndThrowsItsFirstFailureWhenNothingFailedBefore() {
    List<String> ran = new ArrayList<>();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                FeatureExtractor.cleanUp(
                    null,
                    () -> {
                      ran.add("stop");
                      throw new IllegalStateException("threads did not stop");
                    },
                    () -> {
                      ran.add("finish");
                      throw new IllegalArgumentException("finish failed");
                    }));
    assertEquals(List.of("stop", "finish"), ran);
    assertEquals("threads did not stop", e.getMessage());
    assertEquals("finish failed", e.getSuppressed()[0].getMessage());
    FeatureExtractor.cleanUp(null, () -> ran.add("quiet"));
    assertEquals("quiet", ran.get(2));
  }

  @Test
  void unknownOutputExtensionFailsBeforeAnyWork() {
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(4))) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> fx.extract(datalist, tmp.resolve("out.xlsx"), ProgressListener.NONE));
      assertTrue(e.problem().contains("'.xlsx'"), e.problem());
    }
  }

  private static float[][] rows(FeatureExtractor fx) {
    List<float[]> rows = new ArrayList<>();
    try (var reader = org.radioclr.core.datalist.DatalistReader.open(datalist)) {
      fx.extract(
          reader,
          (entry, features, offset) ->
              rows.add(java.util.Arrays.copyOfRange(features, offset, offset + fx.dimension())),
          ProgressListener.NONE);
    }
    assertEquals(COUNT, rows.size());
    return rows.toArray(new float[0][]);
  }

  @Test
  void extractorsSharingOneModelRunConcurrentlyAndLeaveItOpen() throws Exception {
    Path alone = tmp.resolve("alone.csv");
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options(3))) {
      fx.extract(datalist, alone, ProgressListener.NONE);
    }
    FeatureTable expected = FeatureTable.read(alone);
    try (org.radioclr.nn.checkpoint.LoadedModel model =
        org.radioclr.nn.checkpoint.Checkpoint.load(checkpoint, ai.djl.Device.cpu())) {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < 2; t++) {
        Path out = tmp.resolve("shared" + t + ".csv");
        threads.add(
            new Thread(
                () -> {
                  try {
                    org.radioclr.nn.Engines.setComputeThreads(1);
                    try (FeatureExtractor fx = FeatureExtractor.sharing(model, options(2))) {
                      fx.extract(datalist, out, ProgressListener.NONE);
                    }
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(List.of(), failures);
      for (int t = 0; t < 2; t++) {
        FeatureTable got = FeatureTable.read(tmp.resolve("shared" + t + ".csv"));
        assertEquals(expected.snames(), got.snames());
        for (int i = 0; i < COUNT; i++) {
          assertArrayEquals(expected.features()[i], got.features()[i], 1e-5f);
        }
      }
      // the extractors are closed; the model is still usable
      try (FeatureExtractor fx = FeatureExtractor.sharing(model, options(4))) {
        assertEquals(512, fx.dimension());
        fx.extract(datalist, tmp.resolve("after.csv"), ProgressListener.NONE);
      }
    }
    assertThrows(
        IllegalArgumentException.class, () -> org.radioclr.nn.Engines.setComputeThreads(0));
  }
}
