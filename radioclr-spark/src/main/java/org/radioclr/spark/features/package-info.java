/**
 * {@code radioclr spark features} as a library: {@link org.radioclr.spark.features.SparkFeatureJob}
 * splits a datalist's frame descriptors into partitions, each task runs {@link
 * org.radioclr.nn.features.FeatureExtractor} (the code of {@code radioclr features}) over its
 * frames and writes its own part table atomically ({@link
 * org.radioclr.spark.features.PartitionExtraction}), and the driver joins the parts in datalist
 * order into one feature table ({@link org.radioclr.spark.features.PartTables}) with the columns
 * and types of {@code radioclr features}.
 */
package org.radioclr.spark.features;
