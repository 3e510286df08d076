/**
 * {@code radioclr spark features} as a library: {@link org.radioclr.spark.features.SparkFeatureJob}
 * splits a datalist's frame descriptors into partitions; each task ({@link
 * org.radioclr.spark.features.PartitionExtraction}) runs {@link
 * org.radioclr.nn.features.FeatureExtractor} (the code of {@code radioclr features}) over its
 * frames and writes its own part file atomically ({@link org.radioclr.spark.features.PartFiles});
 * the driver writes the parts' rows in datalist order through the feature-table writer of {@code
 * radioclr features} ({@link org.radioclr.formats.table.FeatureTableWriter}), so the table has its
 * columns and types.
 */
package org.radioclr.spark.features;
