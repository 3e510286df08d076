/**
 * Classification scores (paper §3.2): per-class precision, recall and F1 with macro, weighted and
 * micro averages, accuracy and the confusion matrix ({@link
 * org.radioclr.classify.metrics.ClassificationMetrics}), their mean ± standard error over K splits
 * ({@link org.radioclr.classify.metrics.MeanAndError}), the {@code metrics.json} format ({@link
 * org.radioclr.classify.metrics.MetricsJson}) and the confusion-matrix heat map ({@link
 * org.radioclr.classify.metrics.ConfusionMatrixPlot}).
 */
package org.radioclr.classify.metrics;
