/**
 * Feature selection for the anomaly search (paper §5.2): a LightGBM binary classifier separates
 * "interesting" labelled frames (EXTENDED, DIFFUSE, DIFFUSE-LARGE) from the other labelled frames,
 * and its gain importance ranks the 512 self-supervised features; the top-k of that ranking feed
 * the Isolation Forest.
 */
package org.radioclr.anomaly.select;
