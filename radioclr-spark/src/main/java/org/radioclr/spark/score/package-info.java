/**
 * {@code radioclr spark score} as a library: {@link org.radioclr.spark.score.SparkScoreJob} splits
 * a feature table's rows into blocks ({@link org.radioclr.core.shard.Shard}s); each task ({@link
 * org.radioclr.spark.score.PartitionScoring}) scores its block with the saved Isolation Forest
 * (loaded once per JVM, {@link org.radioclr.spark.score.ForestCache}) through the code of {@code
 * radioclr anomaly score --model} and writes its own part file atomically ({@link
 * org.radioclr.spark.score.ScoreParts}); the driver writes the parts' scores through the
 * score-table writer of {@code radioclr anomaly score} ({@link
 * org.radioclr.formats.table.ScoreTableWriter}), so the table is the one that command writes.
 */
package org.radioclr.spark.score;
