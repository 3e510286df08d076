/**
 * The linear probe on feature tables (paper §3.2 on precomputed features): logistic regression
 * fitted on a training table and scored on a test table, or on K class-balanced splits of the
 * pooled rows ({@link org.radioclr.classify.probe.FeatureProbe}). Table-level only: no network
 * classes.
 */
package org.radioclr.classify.probe;
