/**
 * SimCLR training (paper section 2.3): the validated {@link
 * org.radioclr.nn.train.SimclrTrainConfig}, a multi-threaded data pipeline that reads,
 * pre-processes and augments two views per image ahead of the model ({@link
 * org.radioclr.nn.train.PairBatches}), Adam with savable state ({@link
 * org.radioclr.nn.train.ResumableAdam}), the warm-up + cosine learning-rate schedule and the {@link
 * org.radioclr.nn.train.SimclrTrainer} that ties them together, writes metrics and checkpoints, and
 * resumes runs exactly.
 */
package org.radioclr.nn.train;
