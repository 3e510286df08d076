/**
 * Merging the part files of a sharded run ({@code --shard I/N}, {@link
 * org.radioclr.core.shard.Shard}) into the output one process writes: feature, score and other
 * tables (Parquet or CSV, through DuckDB) and datalists.
 */
package org.radioclr.formats.merge;
