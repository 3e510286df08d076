/**
 * One measurement of how good an encoder is: on one labelled datalist, K class-balanced splits
 * (paper §3.1) and, on the same splits, a frozen linear probe on the encoder's features (§3.2),
 * cosine kNN on them, the same network with random weights, and a logistic regression on the raw
 * pre-processed pixels, each as mean ± standard error ({@link org.radioclr.evaluate.Evaluation}).
 */
package org.radioclr.evaluate;
