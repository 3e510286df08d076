/**
 * The frame labels an anomaly ranking is evaluated against (paper §5.1), matched to feature rows by
 * source name.
 */
package org.radioclr.anomaly.labels;
