/** Small Java2D plots of the anomaly tools that core's {@code LinePlot} does not draw. */
package org.radioclr.anomaly.plot;
