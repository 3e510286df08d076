/**
 * Active learning from the reviewers' ratings: astronomaly's NeighbourScore (Lochner &amp; Bassett
 * 2021), re-ranking anomaly scores by a regression of the ratings on the features.
 */
package org.radioclr.serve.learn;
