/**
 * The one shard contract of the parallel stages: {@link org.radioclr.core.shard.Shard} ("I/N",
 * 0-based) picks a contiguous block of a stage's work items (maps, catalogue rows, datalist
 * entries, table rows), each shard writes its own part file ({@code OUT.part-000I-of-000N.EXT}) and
 * {@link org.radioclr.core.shard.PartSet} checks that a set of parts is complete before they are
 * merged, in shard order, into the output one process would have written.
 */
package org.radioclr.core.shard;
