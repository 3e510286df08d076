/**
 * Which feature columns the anomaly search reads: all of them, the top K of the LightGBM importance
 * ranking written by {@code anomaly select} (paper §5.2), or an explicit list.
 */
package org.radioclr.anomaly.columns;
