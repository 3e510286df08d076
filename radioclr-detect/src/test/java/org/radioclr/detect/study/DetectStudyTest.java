package org.radioclr.detect.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.train.DetectTrainConfig;
import org.radioclr.detect.train.DetectTrainerTest;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.train.TrainingListener;

@Tag("slow")
class DetectStudyTest {
  @Test
  void trainsEveryArmFractionAndDrawAndSummarises(@TempDir Path dir) throws IOException {
    List<Frame> train = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      train.add(DetectTrainerTest.frame(300 + i));
    }
    List<Frame> test = List.of(DetectTrainerTest.frame(800));
    DetectStudy.Settings settings =
        new DetectStudy.Settings(
            List.of(new StudyArm("finetune-scratch", new EncoderInit.Scratch(), false)),
            List.of(0.5, 1.0),
            1,
            new DetectTrainConfig(1, 3, 32, 1e-3, 0, 5, 1),
            8,
            PreprocessConfig.preset("detect"));
    List<DetectStudy.Run> runs =
        DetectStudy.run(
            train, test, settings, dir, new TrainingListener() {}, ProgressListener.NONE);
    assertEquals(2, runs.size());
    assertEquals(3, runs.get(0).nTrain());
    assertEquals(6, runs.get(1).nTrain());
    assertEquals(3, Files.readAllLines(dir.resolve("runs.csv")).size());
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertEquals(3, summary.size());
    assertTrue(summary.get(1).startsWith("finetune-scratch,0.5,1,3,"), summary.get(1));
    assertTrue(summary.get(2).startsWith("finetune-scratch,1.0,1,6,"), summary.get(2));
    assertTrue(Files.isRegularFile(dir.resolve("fractions.png")));
    assertTrue(Files.readString(dir.resolve("report.html")).contains("finetune-scratch"));
    assertTrue(Files.isDirectory(dir.resolve("runs/finetune-scratch-f1.000-r0/model")));
  }

  @Test
  void settingsAreChecked() {
    DetectTrainConfig c = new DetectTrainConfig(1, 3, 32, 1e-3, 0, 5, 1);
    StudyArm a = new StudyArm("a", new EncoderInit.Scratch(), true);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DetectStudy.Settings(List.of(a), List.of(0.0), 1, c, 8, PreprocessConfig.paper()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DetectStudy.Settings(
                List.of(a, a), List.of(1.0), 1, c, 8, PreprocessConfig.paper()));
    assertThrows(
        IllegalArgumentException.class, () -> new StudyArm("a b", new EncoderInit.Scratch(), true));
  }
}
