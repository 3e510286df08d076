/**
 * Report pieces for classification results: the HTML section of a result or of a summary over
 * splits ({@link org.radioclr.classify.report.ClassificationSection}) and the score-against-label-
 * fraction plot of the fine-tuning study ({@link org.radioclr.classify.report.FractionCurvePlot},
 * paper §3.3, Fig. 7).
 */
package org.radioclr.classify.report;
