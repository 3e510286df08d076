package org.radioclr.detect.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.radioclr.detect.data.Frame;

/**
 * A seeded split of annotated frames into training and validation, and the label-fraction draw of
 * paper §4.4 (a random share of the training frames).
 *
 * @param train the training frames
 * @param validation the validation frames
 */
public record FrameSplit(List<Frame> train, List<Frame> validation) {

  /**
   * Splits {@code frames}: {@code validationFraction} of them (at least one when the fraction is
   * positive and there are two frames or more) for validation, then keeps {@code labelFraction} of
   * the rest (at least one) for training.
   */
  public static FrameSplit of(
      List<Frame> frames, double validationFraction, double labelFraction, long seed) {
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in [0, 1), got " + validationFraction);
    }
    if (!(labelFraction > 0 && labelFraction <= 1)) {
      throw new IllegalArgumentException("label fraction must be in (0, 1], got " + labelFraction);
    }
    List<Frame> shuffled = new ArrayList<>(frames);
    Collections.shuffle(shuffled, new Random(seed));
    int nVal = (int) Math.round(validationFraction * shuffled.size());
    if (validationFraction > 0 && nVal == 0 && shuffled.size() >= 2) {
      nVal = 1;
    }
    List<Frame> val = shuffled.subList(0, nVal);
    List<Frame> rest = shuffled.subList(nVal, shuffled.size());
    int nTrain = Math.max(1, (int) Math.round(labelFraction * rest.size()));
    return new FrameSplit(
        List.copyOf(rest.subList(0, Math.min(nTrain, rest.size()))), List.copyOf(val));
  }
}
