/**
 * Downstream classification (paper §3): the class list of a labelled data set ({@link
 * org.radioclr.classify.Classes}) and a classifier's outputs on it ({@link
 * org.radioclr.classify.Predictions}), shared by the feature-table classifiers, the network probe
 * and fine-tuning, and the metrics.
 */
package org.radioclr.classify;
