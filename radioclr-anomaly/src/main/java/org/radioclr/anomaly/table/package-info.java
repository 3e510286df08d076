/**
 * Feature and score tables of the anomaly search, through DuckDB: streaming reads of the chosen
 * feature columns, and the score table (the feature table's key and extra columns plus {@code
 * score} and {@code outlier}, sorted by score).
 */
package org.radioclr.anomaly.table;
