package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void linearWarmUpThenCosineToZero() {
    LearningRateSchedule s = new LearningRateSchedule(0.1, 10, 110);
    assertEquals(0.01, s.at(0), 1e-7);
    assertEquals(0.05, s.at(4), 1e-7);
    assertEquals(0.1, s.at(9), 1e-7);
    assertEquals(0.1, s.at(10), 1e-7);
    // cosine over the 100 steps after the warm-up: half way at step 10 + 50
    assertEquals(0.05, s.at(60), 1e-6);
    assertEquals(0.1 * (1 + Math.cos(Math.PI * 25 / 100)) / 2, s.at(35), 1e-6);
    assertEquals(0.1 * (1 + Math.cos(Math.PI * 99 / 100)) / 2, s.at(109), 1e-8);
    assertTrue(s.at(109) > 0);
    for (int i = 11; i < 110; i++) {
      assertTrue(s.at(i) <= s.at(i - 1), "not decreasing at " + i);
    }
  }

  @Test
  void withoutWarmUpStartsAtTheTarget() {
    LearningRateSchedule s = new LearningRateSchedule(1e-3, 0, 4);
    assertEquals(1e-3, s.at(0), 1e-9);
    assertEquals(1e-3 * (1 + Math.cos(Math.PI * 3 / 4)) / 2, s.at(3), 1e-9);
    assertEquals(1e-3, new LearningRateSchedule(1e-3, 0, 1).at(0), 1e-9);
  }

  @Test
  void theReadmeExampleWarmsUpForOneEpochThenDecays() {
    // train simclr --epochs 10 --batch 32 --image-size 64 --lr 1e-3 on 256 frames: 8 steps per
    // epoch, 80 in all; the automatic warm-up is a tenth of them, 8 steps = 1 epoch
    SimclrTrainConfig c =
        SimclrTrainConfig.paper(10).withBatchSize(32).withImageSize(64).withLearningRate(1e-3);
    c.requireDecayingSchedule();
    assertEquals(8, c.warmupSteps(8));
    LearningRateSchedule s = c.schedule(8);
    assertEquals(80, s.totalSteps());
    assertTrue(s.decays());
    assertEquals(1e-3 / 8, s.at(0), 1e-9);
    assertEquals(1e-3 * 4 / 8, s.at(3), 1e-9);
    assertEquals(1e-3, s.at(7), 1e-9);
    assertEquals(1e-3, s.at(8), 1e-9);
    // cosine over the 72 steps after the warm-up: half the peak 36 steps in
    assertEquals(0.5e-3, s.at(8 + 36), 1e-8);
    assertEquals(1e-3 * (1 + Math.cos(Math.PI * 71 / 72)) / 2, s.at(79), 1e-10);
    assertTrue(s.at(79) < 1e-5, "last step " + s.at(79));
    for (int i = 9; i < 80; i++) {
      assertTrue(s.at(i) < s.at(i - 1), "not decreasing at " + i);
    }
    assertEquals(
        "linear warm-up to 0.001 over 8 steps (1 epoch), then cosine decay to 0 over 72 steps (9"
            + " epochs); 80 steps in all",
        s.describe(8));
  }

  @Test
  void theAutomaticWarmUpIsATenthOfTheRunAtMostTenEpochs() {
    // the paper's 100 epochs and more: 10 epochs
    assertEquals(50, SimclrTrainConfig.paper(100).warmupSteps(5));
    assertEquals(50, SimclrTrainConfig.paper(300).warmupSteps(5));
    assertEquals(50 * 10, SimclrTrainConfig.paper(300).schedule(50).warmupSteps());
    // shorter runs: a tenth of the steps, rounded down
    assertEquals(25, SimclrTrainConfig.paper(50).warmupSteps(5));
    assertEquals(1, SimclrTrainConfig.paper(3).warmupSteps(5));
    assertEquals(0, SimclrTrainConfig.paper(1).warmupSteps(5));
    assertEquals(
        "cosine decay from 0.1 to 0 over 5 steps (1 epoch), no warm-up; 5 steps in all",
        SimclrTrainConfig.paper(1).schedule(5).describe(5));
    assertEquals(
        "linear warm-up to 0.1 over 1 step (0.2 epochs), then cosine decay to 0 over 14 steps"
            + " (2.8 epochs); 15 steps in all",
        SimclrTrainConfig.paper(3).schedule(5).describe(5));
    // an explicit warm-up is kept
    assertEquals(15, SimclrTrainConfig.paper(10).withWarmupEpochs(3).warmupSteps(5));
    assertEquals(0, SimclrTrainConfig.paper(10).withWarmupEpochs(0).warmupSteps(5));
  }

  @Test
  void aWarmUpAsLongAsTheRunIsRefusedNamingBothWaysOut() {
    // what the README's --epochs 10 did with the old default of 10 warm-up epochs: the rate rose
    // to its peak on the last step and never decayed
    SimclrTrainConfig c = SimclrTrainConfig.paper(10).withWarmupEpochs(10);
    assertFalse(c.schedule(8).decays());
    assertEquals(1e-1, c.schedule(8).at(79), 1e-7);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, c::requireDecayingSchedule);
    assertEquals(
        "a warm-up of 10 epochs is not shorter than the 10-epoch run: the learning rate would"
            + " still be rising at the last step and never decay. Give fewer warm-up epochs"
            + " (--warmup-epochs / warmup_epochs, at most 9) or more epochs (--epochs / epochs, at"
            + " least 11), or leave the warm-up out for the automatic one (a tenth of the run, at"
            + " most 10 epochs: 1 epoch here)",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        SimclrTrainConfig.paper(3).withWarmupEpochs(5)::requireDecayingSchedule);
    SimclrTrainConfig.paper(10).withWarmupEpochs(9).requireDecayingSchedule();
    SimclrTrainConfig.paper(1).withWarmupEpochs(0).requireDecayingSchedule();
    assertTrue(
        c.schedule(8).describe(8).contains("the rate rises to the last step and never decays"));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1, -1, 2));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1, 0, 2).at(-1));
  }
}
