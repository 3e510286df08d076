package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.core.RadioclrException;

class DivergenceGuardTest {
  @Test
  void skippedStepsWarnAndTooManyInARowStopTheRun() {
    List<String> warnings = new ArrayList<>();
    DivergenceGuard guard = new DivergenceGuard(3, SimclrTrainer.DIVERGED_ADVICE, warnings::add);
    assertTrue(guard.stepDone(1.5f, 0, 0));
    assertFalse(guard.stepDone(Float.NaN, 0, 1));
    assertFalse(guard.stepDone(Float.POSITIVE_INFINITY, 0, 2));
    assertTrue(guard.stepDone(1.2f, 0, 3), "a finite step resets the count");
    assertFalse(guard.stepDone(Float.NaN, 1, 0));
    assertFalse(guard.stepDone(Float.NaN, 1, 1));
    RadioclrException e =
        assertThrows(RadioclrException.class, () -> guard.stepDone(Float.NaN, 1, 2));
    assertEquals(
        "training diverged: 3 steps in a row with a non-finite loss or gradients, at epoch 2"
            + " (try a smaller --lr; the paper's 0.1 is large for Adam)",
        e.getMessage());
    assertEquals(4, warnings.size());
    assertEquals(
        "epoch 1, batch 2: non-finite loss or gradients; step skipped, weights unchanged",
        warnings.get(0));
  }
}
