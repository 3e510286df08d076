/**
 * Tuning the Isolation Forest on labelled frames (paper §5.2): a grid over feature sets, {@code
 * max_samples} and {@code contamination}, each setting's outlier flag judged with {@link
 * org.radioclr.anomaly.evaluate.ThresholdMetrics} (as {@code anomaly evaluate} judges a threshold)
 * and its score by the average precision on the labelled frames; {@link
 * org.radioclr.anomaly.scan.TableScan} runs it on a feature table and writes {@code scan.csv}.
 */
package org.radioclr.anomaly.scan;
