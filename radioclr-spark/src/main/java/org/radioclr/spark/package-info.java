/**
 * Spark plumbing shared by the Spark jobs: the session ({@link org.radioclr.spark.SparkSessions},
 * local or a cluster by URL), the frame descriptors that a job's Dataset holds ({@link
 * org.radioclr.spark.FrameDescriptors}: one row per datalist entry) and the per-executor cache of
 * loaded encoders ({@link org.radioclr.spark.EncoderCache}). radioclr-spark is the only module that
 * imports Spark.
 */
package org.radioclr.spark;
