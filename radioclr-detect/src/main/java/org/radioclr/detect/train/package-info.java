/**
 * Training of the detector ({@link org.radioclr.detect.train.DetectTrainer}): augmented crops, the
 * shared {@link org.radioclr.nn.train.OptimiserStep}, per-epoch caesar-mrcnn validation into {@code
 * metrics.csv}/{@code metrics.png}, resumable epoch checkpoints with provenance.
 */
package org.radioclr.detect.train;
