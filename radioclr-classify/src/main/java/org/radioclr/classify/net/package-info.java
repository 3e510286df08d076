/**
 * The network side of downstream classification (paper §3.2 and §3.3): a ResNet18 encoder plus one
 * linear layer ({@link org.radioclr.classify.net.ClassifierNet}), trained either as a linear probe
 * on a frozen encoder or fine-tuned end to end ({@link org.radioclr.classify.net.ClassifierTrainer}
 * with {@link org.radioclr.classify.net.ClassifierTrainConfig}), the label-fraction study ({@link
 * org.radioclr.classify.net.LabelFractionStudy}) and prediction with a saved classifier ({@link
 * org.radioclr.classify.net.ClassifierPredictor}). Outputs are {@link
 * org.radioclr.classify.Predictions} and CSV files; metrics beyond accuracy and macro F1 live
 * elsewhere.
 */
package org.radioclr.classify.net;
