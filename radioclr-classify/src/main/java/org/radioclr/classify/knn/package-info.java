/**
 * k-nearest-neighbour probes of learned features: leave-one-out cosine kNN votes per row ({@link
 * org.radioclr.classify.knn.KnnVote}), scored with the classification metrics.
 */
package org.radioclr.classify.knn;
