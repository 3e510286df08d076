/**
 * Network blocks for SimCLR on DJL: the torchvision-layout {@link org.radioclr.nn.model.ResNet18}
 * encoder, the {@link org.radioclr.nn.model.ProjectionHead}, the combined {@link
 * org.radioclr.nn.model.SimclrModel}, the mapping of parameters to torchvision state-dict names
 * ({@link org.radioclr.nn.model.TorchvisionNames}) and a text summary of a network ({@link
 * org.radioclr.nn.model.ModelSummary}). Images enter as {@code [N][C][H][W]} float32 batches.
 */
package org.radioclr.nn.model;
