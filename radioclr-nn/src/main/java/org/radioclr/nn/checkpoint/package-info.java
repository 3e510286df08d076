/**
 * Checkpoints and runs on disk: {@link org.radioclr.nn.checkpoint.ModelConfig} ({@code
 * model-config.json}), atomic {@link org.radioclr.nn.checkpoint.Checkpoint#save save} and shape-
 * checked {@link org.radioclr.nn.checkpoint.Checkpoint#load load}, resolving a run folder to its
 * latest complete {@code checkpoints/epoch-NNNN} checkpoint.
 */
package org.radioclr.nn.checkpoint;
