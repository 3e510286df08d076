package org.radioclr.sim.products;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A class-balanced train/test split (paper §3.1: equal numbers of images per class in the train and
 * the test sets). Every class of {@code classes} that has at least {@code minPerClass} items takes
 * part; the others are dropped (and reported). With {@code n} the item count of the rarest taking
 * part class, each class contributes {@code n} items drawn without replacement, of which the first
 * {@code round(n × trainFraction)} go to the train set and the rest to the test set. The draw is a
 * Fisher–Yates shuffle per class with a {@link SplittableRandom} of the seed, split once per class
 * in the order of {@code classes}, so the same items, classes and seed give the same split. Train
 * and test are disjoint and each lists its items class by class, in the shuffled order.
 *
 * @param <T> the item type
 * @param train the train items
 * @param test the test items
 * @param perClass items per class taken (train + test), {@code n}
 * @param classes the classes taking part, in the given order
 * @param dropped the classes with fewer than {@code minPerClass} items and their counts
 */
public record BalancedSplit<T>(
    List<T> train, List<T> test, int perClass, List<String> classes, Map<String, Integer> dropped) {

  public BalancedSplit {
    train = List.copyOf(train);
    test = List.copyOf(test);
    classes = List.copyOf(classes);
    dropped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
  }

  /**
   * Splits {@code items}.
   *
   * @param label the class of an item; items of classes not in {@code classes} are ignored
   * @param classes the classes, in a fixed order
   * @param trainFraction fraction of each class's items that go to the train set, in (0, 1)
   * @param minPerClass fewest items a class needs to take part, {@code >= 2}
   */
  public static <T> BalancedSplit<T> of(
      List<T> items,
      Function<T, String> label,
      List<String> classes,
      double trainFraction,
      int minPerClass,
      long seed) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(label, "label");
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("train fraction must be in (0, 1), got " + trainFraction);
    }
    if (minPerClass < 2) {
      throw new IllegalArgumentException(
          "a class needs at least 2 items (one train, one test), got minPerClass " + minPerClass);
    }
    if (classes.stream().distinct().count() != classes.size()) {
      throw new IllegalArgumentException("classes must be distinct, got " + classes);
    }
    Map<String, List<T>> byClass = new LinkedHashMap<>();
    for (String c : classes) {
      byClass.put(c, new ArrayList<>());
    }
    for (T item : items) {
      List<T> list = byClass.get(label.apply(item));
      if (list != null) {
        list.add(item);
      }
    }
    Map<String, Integer> dropped = new LinkedHashMap<>();
    List<String> kept = new ArrayList<>();
    int n = Integer.MAX_VALUE;
    for (Map.Entry<String, List<T>> e : byClass.entrySet()) {
      int size = e.getValue().size();
      if (size < minPerClass) {
        dropped.put(e.getKey(), size);
      } else {
        kept.add(e.getKey());
        n = Math.min(n, size);
      }
    }
    List<T> train = new ArrayList<>();
    List<T> test = new ArrayList<>();
    if (kept.isEmpty()) {
      return new BalancedSplit<>(train, test, 0, kept, dropped);
    }
    int nTrain = (int) Math.round(n * trainFraction);
    nTrain = Math.max(1, Math.min(n - 1, nTrain));
    SplittableRandom root = new SplittableRandom(seed);
    for (String c : classes) {
      SplittableRandom rng = root.split();
      if (!kept.contains(c)) {
        continue;
      }
      List<T> list = new ArrayList<>(byClass.get(c));
      for (int i = list.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        T tmp = list.get(i);
        list.set(i, list.get(j));
        list.set(j, tmp);
      }
      train.addAll(list.subList(0, nTrain));
      test.addAll(list.subList(nTrain, n));
    }
    return new BalancedSplit<>(train, test, n, kept, dropped);
  }
}
