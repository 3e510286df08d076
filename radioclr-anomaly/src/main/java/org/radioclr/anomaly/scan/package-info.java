/**
 * Tuning the Isolation Forest on labelled frames (paper §5.2): a grid over feature sets, {@code
 * max_samples} and {@code contamination}, each setting judged by how well its outlier flag and
 * score pick out the PECULIAR frames.
 */
package org.radioclr.anomaly.scan;
