/**
 * Charts of the anomaly tools that core's {@code LinePlot} and {@code HistogramPlot} do not draw.
 */
package org.radioclr.anomaly.plot;
