/**
 * The anomaly score table written by {@code radioclr anomaly score} (one row per frame: {@code
 * sname, id, label}, the feature table's extra columns, {@code score} in [0, 1] with 1 the most
 * anomalous, {@code outlier}), read back for evaluation and export; and writing it from a feature
 * table with an Isolation Forest, fitted or saved ({@link
 * org.radioclr.anomaly.scores.ForestScoring}).
 */
package org.radioclr.anomaly.scores;
