/**
 * Losses for self-supervised training: {@link org.radioclr.nn.loss.NtXentLoss}, SimCLR's
 * normalised-temperature cross-entropy. They work on DJL {@code NDArray}s on whichever device the
 * embeddings live.
 */
package org.radioclr.nn.loss;
