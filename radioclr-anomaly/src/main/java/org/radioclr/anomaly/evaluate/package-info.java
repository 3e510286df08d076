/**
 * How well an anomaly score finds the labelled peculiar frames (paper §5.2, Fig. 12, Table 4):
 * recall and precision of PECULIAR frames, precision of PECULIAR-or-COMPLEX, and the fraction of
 * each other frame group above a score threshold, over all thresholds; the threshold where recall
 * and precision cross; plots and a report.
 */
package org.radioclr.anomaly.evaluate;
