/**
 * Feature tables: one row per image with its {@code sname}, {@code id}, {@code label}, the
 * datalist's extra fields and the features {@code f0..f(N-1)}, written as Parquet (through DuckDB)
 * or CSV, chosen by the file extension ({@link org.radioclr.formats.table.FeatureTableWriter}), and
 * read back by {@link org.radioclr.formats.table.FeatureTable}. {@link
 * org.radioclr.formats.table.DuckDb} (connections, quoting, file scans) and {@link
 * org.radioclr.formats.table.ScratchTable} (rows appended to a scratch DuckDB table, then written
 * atomically) also serve the anomaly module's score tables.
 */
package org.radioclr.formats.table;
