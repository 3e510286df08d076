/**
 * How well an anomaly score finds the labelled peculiar frames (paper §5.2, Fig. 12, Table 4):
 * {@link org.radioclr.anomaly.evaluate.ThresholdMetrics}, the one metric class of the anomaly
 * search (recall of PECULIAR frames; precision of PECULIAR and of PECULIAR-or-COMPLEX frames and
 * the contamination by each other labelled group as shares of the selected labelled frames; the
 * unlabelled share of all selected frames), over all thresholds; the threshold where recall and
 * precision cross; plots and a report.
 */
package org.radioclr.anomaly.evaluate;
