package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.augment.AugmentView;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.augment.ViewRandom;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;

class PairBatchesTest {
  private static final int SIDE = 32;
  private static final PreprocessConfig PRE = PreprocessConfig.paper().withOutputSize(SIDE, SIDE);

  private static List<Path> images(Path dir, int n) throws IOException {
    TrainData.datalist(dir, n, 40, 3);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      files.add(dir.resolve("img" + i + ".fits"));
    }
    return files;
  }

  @Test
  void orderIsASeededPermutation() {
    int[] a = PairBatches.order(50, 7, 0);
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
    assertArrayEquals(a, PairBatches.order(50, 7, 0));
    assertFalse(Arrays.equals(a, PairBatches.order(50, 7, 1)));
    assertFalse(Arrays.equals(a, PairBatches.order(50, 8, 0)));
  }

  @Test
  void batchesHoldBothViewsOfEachImageAndDoNotDependOnWorkers(@TempDir Path dir)
      throws IOException {
    List<Path> files = images(dir, 7);
    AugmentationPipeline aug = AugmentationPipeline.hulk();
    List<float[]> one = collect(files, aug, 3, 1);
    List<float[]> three = collect(files, aug, 3, 3);
    assertEquals(2, one.size()); // floor(7 / 3)
    for (int b = 0; b < one.size(); b++) {
      assertArrayEquals(one.get(b), three.get(b), 0f, "batch " + b);
    }
    // batch 0 of epoch 2, row k and 3 + k: views 0 and 1 of image order[k]
    int[] order = PairBatches.order(7, 11, 2);
    int viewSize = 3 * SIDE * SIDE;
    Preprocessor pre = new Preprocessor(PRE);
    AugmentView work = new AugmentView();
    for (int k = 0; k < 3; k++) {
      Cube cube = pre.process(FitsReader.read(files.get(order[k])).plane());
      float[] expected = new float[2 * viewSize];
      aug.applyInto(cube, ViewRandom.of(11, 2, order[k], 0), work, expected, 0);
      aug.applyInto(cube, ViewRandom.of(11, 2, order[k], 1), work, expected, viewSize);
      float[] got = one.get(0);
      assertArrayEquals(
          Arrays.copyOfRange(expected, 0, viewSize),
          Arrays.copyOfRange(got, k * viewSize, (k + 1) * viewSize),
          0f);
      assertArrayEquals(
          Arrays.copyOfRange(expected, viewSize, 2 * viewSize),
          Arrays.copyOfRange(got, (3 + k) * viewSize, (4 + k) * viewSize),
          0f);
      assertFalse(Arrays.equals(expected, 0, viewSize, expected, viewSize, 2 * viewSize));
    }
  }

  /** Collects each skipped image's line. */
  private static SkippedImages skippedInto(List<String> lines) {
    return new SkippedImages(e -> lines.add(e.line()));
  }

  private static List<float[]> collect(
      List<Path> files, AugmentationPipeline aug, int batch, int workers) {
    return collect(files, aug, batch, workers, 2, new ArrayList<>());
  }

  private static List<float[]> collect(
      List<Path> files,
      AugmentationPipeline aug,
      int batch,
      int workers,
      int epoch,
      List<String> warnings) {
    List<float[]> out = new ArrayList<>();
    try (PairBatches p =
            new PairBatches(
                files, PRE, aug, batch, 11, workers, workers + 1, skippedInto(warnings));
        PairBatches.Epoch e = p.epoch(epoch)) {
      PairBatches.Batch b;
      while ((b = e.next()) != null) {
        assertEquals(out.size(), b.index());
        out.add(Arrays.copyOf(b.data(), 2 * b.pairs() * p.viewSize()));
        b.release();
      }
      assertNull(e.next());
      assertTrue(e.waitNanos() >= 0);
    }
    return out;
  }

  @Test
  void unreadableImagesAreReportedOnceAndLeftOut(@TempDir Path dir) throws IOException {
    List<Path> files = images(dir, 8);
    Files.writeString(files.get(5), "not a FITS file");
    List<String> warnings = new CopyOnWriteArrayList<>();
    int viewSize = 3 * SIDE * SIDE;
    try (PairBatches p =
        new PairBatches(
            files, PRE, AugmentationPipeline.banner(), 4, 11, 2, 3, skippedInto(warnings))) {
      for (int epoch = 0; epoch < 2; epoch++) {
        int pairs = 0;
        try (PairBatches.Epoch e = p.epoch(epoch)) {
          PairBatches.Batch b;
          while ((b = e.next()) != null) {
            pairs += b.pairs();
            b.release();
          }
        }
        assertEquals(7, pairs);
      }
      assertEquals(1, p.failedImages());
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("img5.fits"), warnings.get(0));
    // the short batch is compacted: its second views start right after its first views
    List<String> ignored = new ArrayList<>();
    int[] order = PairBatches.order(8, 11, 0);
    int shortBatch = 0;
    for (int i = 0; i < 8; i++) {
      if (order[i] == 5) {
        shortBatch = i / 4;
      }
    }
    List<float[]> full = collect(files, AugmentationPipeline.banner(), 4, 1, 0, ignored);
    assertEquals(2 * 3 * viewSize, full.get(shortBatch).length);
  }
}
