package org.radioclr.classify.split;

import java.util.Arrays;

/**
 * One train/test draw: row indices into the labelled data set, each sorted ascending, disjoint.
 *
 * @param train {@code [trainRows]} indices
 * @param test {@code [testRows]} indices
 */
public record Split(int[] train, int[] test) {

  public Split {
    train = train.clone();
    test = test.clone();
    Arrays.sort(train);
    Arrays.sort(test);
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "Split[train " + train.length + " rows, test " + test.length + " rows]";
  }
}
