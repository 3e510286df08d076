/**
 * Writing an anomaly score table from a feature table with an Isolation Forest, fitted or saved
 * ({@link org.radioclr.anomaly.scores.ForestScoring}); the table itself is read and written in the
 * formats layer ({@link org.radioclr.formats.table.ScoreTable}, {@link
 * org.radioclr.formats.table.ScoreTableWriter}).
 */
package org.radioclr.anomaly.scores;
