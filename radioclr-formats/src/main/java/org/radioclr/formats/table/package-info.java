/**
 * Feature tables: one row per image with its {@code sname}, {@code id}, {@code label}, the
 * datalist's extra fields and the features {@code f0..f(N-1)}, written as Parquet (through DuckDB)
 * or CSV, chosen by the file extension ({@link org.radioclr.formats.table.FeatureTableWriter}), and
 * read back whole ({@link org.radioclr.formats.table.FeatureTable}) or column by column, streamed
 * in blocks ({@link org.radioclr.formats.table.FeatureSource} into {@link
 * org.radioclr.formats.table.FeatureMatrix}).
 *
 * <p>Anomaly score tables: the feature table's key and extra columns plus {@code score} and {@code
 * outlier}, sorted by score, written by {@link org.radioclr.formats.table.ScoreTableWriter} and
 * read by {@link org.radioclr.formats.table.ScoreTable} (the anomaly search writes them; the review
 * app and exports read them without the anomaly module). {@link org.radioclr.formats.table.DuckDb}
 * (connections, quoting, file scans) and {@link org.radioclr.formats.table.ScratchTable} (rows
 * appended to a scratch DuckDB table, then written atomically) serve both.
 */
package org.radioclr.formats.table;
