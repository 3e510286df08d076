package org.radioclr.anomaly.select;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.RadioclrException;

/**
 * The native LightGBM objects of one training run (the training and validation datasets and the
 * boosters), freed together on {@link #close()}. Not thread-safe.
 */
final class GbmSession implements AutoCloseable {
  private final List<AutoCloseable> handles = new ArrayList<>();

  GbmSession() {
    LightGbmNative.require();
  }

  /**
   * A dataset of {@code rows x cols} row-major floats with 0/1 labels.
   *
   * @param reference the training dataset when this is a validation set (shares its bins), or null
   */
  LGBMDataset dataset(
      float[] rowMajor, int rows, int cols, float[] labels, String[] names, LGBMDataset reference) {
    try {
      LGBMDataset ds =
          LGBMDataset.createFromMat(
              rowMajor, rows, cols, true, "max_bin=255 verbosity=-1", reference);
      handles.add(ds);
      ds.setField("label", labels);
      ds.setFeatureNames(names);
      return ds;
    } catch (LGBMException e) {
      throw failure("cannot build the LightGBM dataset", e);
    }
  }

  /** A booster training on {@code train}. */
  LGBMBooster booster(LGBMDataset train, String parameters) {
    try {
      LGBMBooster b = LGBMBooster.create(train, parameters);
      handles.add(b);
      return b;
    } catch (LGBMException e) {
      throw failure("cannot create the LightGBM booster", e);
    }
  }

  /** A booster read from a model text. */
  LGBMBooster fromModel(String text) {
    try {
      LGBMBooster b = LGBMBooster.loadModelFromString(text);
      handles.add(b);
      return b;
    } catch (LGBMException e) {
      throw failure("cannot read back the LightGBM model", e);
    }
  }

  static RadioclrException failure(String what, LGBMException e) {
    return new RadioclrException(what + ": " + e.getMessage(), e);
  }

  /** Frees the handles, most recent first. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (int i = handles.size() - 1; i >= 0; i--) {
      try {
        handles.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = new RadioclrException("cannot free a LightGBM handle: " + e.getMessage(), e);
        }
      }
    }
    handles.clear();
    if (first != null) {
      throw first;
    }
  }
}
