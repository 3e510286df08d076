package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;

/**
 * A labelled train and test set with the same classes (paper §3.1: separate train and test sets).
 *
 * @param classes the classes of both (by id, from {@link Classes#of})
 * @param multiLabel whether images may carry several labels
 * @param train the training images
 * @param test the test images
 */
public record ClassificationData(
    Classes classes, boolean multiLabel, LabelledSet train, LabelledSet test) {

  /** Checks the fields. */
  public ClassificationData {
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
  }

  /** "classes [A, B], N train / M test images", for progress lines. */
  public String describe() {
    return "classes "
        + classes.names()
        + ", "
        + train.size()
        + " train / "
        + test.size()
        + " test images";
  }

  /**
   * Reads two labelled datalists. The data set is multi-label when {@code multiLabel} is set or any
   * entry carries more or fewer than one label.
   *
   * @throws BadInputException naming the file when an entry is unlabelled or its file is missing, a
   *     set has fewer than two classes, or the test set's classes differ from the training set's
   */
  public static ClassificationData read(Path train, Path test, boolean multiLabel) {
    List<DatalistEntry> trainEntries = DatalistReader.readAll(train);
    List<DatalistEntry> testEntries = DatalistReader.readAll(test);
    if (trainEntries.isEmpty()) {
      throw new BadInputException(train, "has no entries");
    }
    if (testEntries.isEmpty()) {
      throw new BadInputException(test, "has no entries");
    }
    Classes classes = Classes.of(train, trainEntries);
    classes.requireSame(Classes.of(test, testEntries), test);
    boolean multi =
        multiLabel
            || trainEntries.stream().anyMatch(e -> e.labels().size() != 1)
            || testEntries.stream().anyMatch(e -> e.labels().size() != 1);
    return new ClassificationData(
        classes,
        multi,
        LabelledSet.of(train, trainEntries, classes),
        LabelledSet.of(test, testEntries, classes));
  }

  /** This data with another training set (a label fraction of it). */
  public ClassificationData withTrain(LabelledSet newTrain) {
    return new ClassificationData(classes, multiLabel, newTrain, test);
  }
}
