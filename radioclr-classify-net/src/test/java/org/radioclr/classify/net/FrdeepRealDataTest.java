package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.testkit.RealData;

/**
 * Smoke test on real VLA FIRST cutouts (FR-DEEP, skipped when {@code ../shared/data} is absent): a
 * one-epoch probe on a random encoder reads every image (names with spaces, headers with TAB
 * characters) and predicts every test image.
 */
class FrdeepRealDataTest {

  /** Datalists of the first {@code perSplit} images of each split of {@code labels.csv}. */
  private static List<Path> datalists(Path frdeep, Path dir, int perSplit) throws IOException {
    List<String> lines = Files.readAllLines(frdeep.resolve("labels.csv"));
    StringBuilder train = new StringBuilder("{\"data\": [");
    StringBuilder test = new StringBuilder("{\"data\": [");
    int[] counts = new int[2];
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      boolean isTrain = f[4].equals("train");
      int k = isTrain ? 0 : 1;
      if (counts[k] == perSplit) {
        continue;
      }
      StringBuilder sb = isTrain ? train : test;
      sb.append(counts[k]++ == 0 ? "" : ",")
          .append("{\"filepaths\": [\"")
          .append(frdeep.resolve(f[0]).toString().replace("\\", "\\\\"))
          .append("\"], \"sname\": \"")
          .append(f[5])
          .append("\", \"id\": ")
          .append(f[1].equals("FRI") ? 0 : 1)
          .append(", \"label\": \"")
          .append(f[1])
          .append("\"}");
    }
    List<Path> out = new ArrayList<>();
    for (String name : List.of("train", "test")) {
      Path p = dir.resolve(name + ".json");
      Files.writeString(p, (name.equals("train") ? train : test).append("]}"));
      out.add(p);
    }
    return out;
  }

  @Test
  void probeReadsAndPredictsRealFirstCutouts(@TempDir Path dir) throws IOException {
    Path frdeep = RealData.require("frdeep-first");
    List<Path> lists = datalists(frdeep, dir, 24);
    ClassificationData data = ClassificationData.read(lists.get(0), lists.get(1), false);
    assertEquals(List.of("FRI", "FRII"), data.classes().names());
    List<String> warnings = new ArrayList<>();
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), EncoderShape.of(32, false), data.classes(), false, 1)) {
      ClassifierTrainer.Result r =
          ClassifierTrainer.train(
              net,
              ClassifierTrainConfig.probe().withEpochs(1).withAugment(false).withWorkers(2),
              data,
              dir.resolve("run"),
              new ClassifierTrainer.Listener() {
                @Override
                public void warning(String message) {
                  warnings.add(message);
                }
              });
      assertTrue(warnings.isEmpty(), warnings.toString());
      assertEquals(24, r.trainImages());
      assertEquals(24, r.test().size());
    }
  }
}
