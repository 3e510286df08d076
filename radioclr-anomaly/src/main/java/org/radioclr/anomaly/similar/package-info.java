/**
 * Exact cosine similarity search over a feature table ({@code radioclr similar}): the frames whose
 * self-supervised features point the same way as a query frame's ({@link
 * org.radioclr.anomaly.similar.CosineIndex}), looked up by frame name with their CSV and contact
 * sheets ({@link org.radioclr.anomaly.similar.SimilarFrames}).
 */
package org.radioclr.anomaly.similar;
