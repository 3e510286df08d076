package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFractionStudyTest {
  @Test
  void oneRunPerInitAndFractionKeepingEveryClass(@TempDir Path dir) throws IOException {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 8, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 2, 2);
    ClassificationData data = ClassificationData.read(train, test, false);
    Path ckpt = NetFixtures.simclrCheckpoint(dir.resolve("ckpt"), 3);
    Path out = dir.resolve("study");
    ClassifierTrainConfig config =
        ClassifierTrainConfig.probe()
            .withEpochs(1)
            .withBatchSize(4)
            .withAugment(false)
            .withWorkers(2);
    List<LabelFractionStudy.Row> rows =
        LabelFractionStudy.run(
            List.of(new EncoderInit.Scratch(), new EncoderInit.Simclr(ckpt)),
            EncoderShape.of(NetFixtures.SIZE, true),
            data,
            List.of(0.1, 1.0),
            1,
            config,
            out,
            new LabelFractionStudy.Listener() {});
    assertEquals(4, rows.size());
    // 10% of 4 images per class rounds up to one image per class
    assertEquals(2, rows.get(0).nTrain());
    assertEquals(8, rows.get(2).nTrain());
    List<String> table = Files.readAllLines(out.resolve(LabelFractionStudy.TABLE_FILE));
    assertEquals("init,fraction,split,n_train,accuracy,macro_f1,run", table.get(0));
    assertEquals(5, table.size());
    assertTrue(table.get(1).startsWith("scratch,0.1,0,2,"), table.get(1));
    assertTrue(table.get(2).startsWith("ckpt,0.1,0,2,"), table.get(2));
    assertTrue(table.get(2).endsWith(",ckpt/f0.1-s0"), table.get(2));
    assertTrue(Files.isDirectory(out.resolve("scratch/f1.0-s0/classifier")));
  }

  @Test
  void refusesBadFractions(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 2, 1);
    ClassificationData data = ClassificationData.read(train, train, false);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LabelFractionStudy.run(
                    List.of(new EncoderInit.Scratch()),
                    NetFixtures.shape(),
                    data,
                    List.of(0.0),
                    1,
                    ClassifierTrainConfig.probe(),
                    dir.resolve("out"),
                    new LabelFractionStudy.Listener() {}));
    assertTrue(e.getMessage().contains("label fractions must be in (0, 1], got 0.0"));
  }
}
