/**
 * Exact cosine similarity search over a feature table ({@code radioclr similar}): the frames whose
 * self-supervised features point the same way as a query frame's.
 */
package org.radioclr.anomaly.similar;
