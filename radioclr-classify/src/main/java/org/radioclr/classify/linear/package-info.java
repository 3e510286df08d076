/**
 * Linear classifiers on feature tables: multinomial (or per-class sigmoid) logistic regression with
 * an L2 penalty fitted by Smile's L-BFGS ({@link org.radioclr.classify.linear.LogisticRegression}),
 * and the fitted model with its JSON form ({@link org.radioclr.classify.linear.LogisticModel}).
 */
package org.radioclr.classify.linear;
