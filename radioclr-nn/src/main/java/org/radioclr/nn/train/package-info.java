/**
 * SimCLR training (paper section 2.3): the validated {@link
 * org.radioclr.nn.train.SimclrTrainConfig}, a multi-threaded data pipeline that reads,
 * pre-processes and augments two views per image ahead of the model ({@link
 * org.radioclr.nn.train.PairBatches}), Adam with savable state ({@link
 * org.radioclr.nn.train.ResumableAdam}), the one optimiser step every trainer shares, with its
 * non-finite guard ({@link org.radioclr.nn.train.OptimiserStep}), the warm-up + cosine
 * learning-rate schedule and the {@link org.radioclr.nn.train.SimclrTrainer} that ties them
 * together, writes metrics and checkpoints, and resumes runs exactly. Training concerns are small
 * listeners the trainer calls at step and epoch events, in the way of DJL's {@code
 * TrainingListener}: {@link org.radioclr.nn.train.DivergenceGuard} (skipped steps) and {@link
 * org.radioclr.nn.train.ValidationListener} (kNN accuracy), which the classifier trainer shares
 * (its test-set predictions), and {@code EpochCheckpoints}.
 */
package org.radioclr.nn.train;
