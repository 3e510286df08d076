/**
 * {@code radioclr spark cutouts hulk} as a library: {@link org.radioclr.spark.cutouts.SparkHulkJob}
 * gives each task maps of its own; a task ({@link org.radioclr.spark.cutouts.MapCutting}) cuts each
 * of them with {@link org.radioclr.core.cutout.HulkCutter} (the code of {@code radioclr cutouts
 * hulk --shard I/N}, one shard per map) into the output folder and writes that map's datalist part
 * atomically; the driver joins the parts in map order ({@link
 * org.radioclr.formats.merge.PartMerge}, as {@code radioclr merge} does) into the one datalist of
 * the plain command.
 */
package org.radioclr.spark.cutouts;
