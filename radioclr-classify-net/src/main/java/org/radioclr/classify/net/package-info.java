/**
 * The network side of downstream classification (paper §3.2 and §3.3): a ResNet18 encoder plus one
 * linear layer ({@link org.radioclr.classify.net.ClassifierNet}), trained either as a linear probe
 * on a frozen encoder or fine-tuned end to end ({@link org.radioclr.classify.net.ClassifierTrainer}
 * with {@link org.radioclr.classify.net.ClassifierTrainConfig}), the label-fraction study ({@link
 * org.radioclr.classify.net.LabelFractionStudy}) and prediction with a saved classifier ({@link
 * org.radioclr.classify.net.ClassifierPredictor}). Outputs are {@link
 * org.radioclr.classify.Predictions}, CSV files and, per run and per study, the shared scores of
 * {@link org.radioclr.classify.metrics} ({@code metrics.json}, confusion matrix, HTML report; the
 * study's mean ± standard error over splits in {@link
 * org.radioclr.classify.net.LabelFractionSummary}).
 */
package org.radioclr.classify.net;
