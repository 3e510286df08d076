package org.radioclr.nn.features;

import org.radioclr.core.datalist.DatalistEntry;

/** Receives the feature rows of an extraction, in datalist order, on the calling thread. */
@FunctionalInterface
public interface RowSink {
  /** One image's features: {@code features[offset .. offset + dimension)}. */
  void accept(DatalistEntry entry, float[] features, int offset);
}
