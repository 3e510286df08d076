package org.radioclr.detect.study;

import java.util.Objects;
import org.radioclr.nn.checkpoint.EncoderInit;

/**
 * One line of the study: a backbone start, frozen or trained.
 *
 * @param name its name in tables and plots, e.g. {@code frozen-simclr}
 * @param init where the backbone starts
 * @param freeze whether the backbone (weights and batch-norm statistics) stays frozen
 */
public record StudyArm(String name, EncoderInit init, boolean freeze) {
  public StudyArm {
    Objects.requireNonNull(init, "init");
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "arm name must be letters, digits, '.', '_' or '-', got " + name);
    }
  }
}
