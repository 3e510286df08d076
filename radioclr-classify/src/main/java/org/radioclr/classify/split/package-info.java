/**
 * Train/test splits for the classification study (paper §3.1, §3.3): K seeded class-balanced draws
 * ({@link org.radioclr.classify.split.BalancedSplits}) and stratified label-fraction subsets of a
 * training set ({@link org.radioclr.classify.split.LabelFractions}).
 */
package org.radioclr.classify.split;
