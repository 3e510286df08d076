package org.radioclr.core.batch;

/**
 * An item left out of a batch.
 *
 * @param item the input
 * @param index its position in the pass's input sequence
 * @param reason why ({@link RejectedItemException#reason()})
 * @param <I> the input items
 */
public record Rejected<I>(I item, long index, Throwable reason) {}
