/**
 * {@code radioclr bench scale}: the throughput of {@code radioclr spark features} on 1, 2, ...
 * local Spark cores against the plain extraction on as many cores, on the same frames ({@link
 * org.radioclr.spark.bench.ScaleBench}).
 */
package org.radioclr.spark.bench;
