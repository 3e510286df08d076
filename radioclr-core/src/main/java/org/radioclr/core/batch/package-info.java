/**
 * The one batch pipeline of radioclr: {@link org.radioclr.core.batch.BatchReader} reads a sequence
 * of inputs (image numbers, datalist entries...) on worker threads into pooled {@code float[]}
 * batch buffers, ahead of a consumer that takes the batches in input order. SimCLR training,
 * fine-tuning, feature extraction and detection all fill their batches through it; each supplies
 * only its per-item {@link org.radioclr.core.batch.ItemReader} (read + pre-process + augment).
 */
package org.radioclr.core.batch;
