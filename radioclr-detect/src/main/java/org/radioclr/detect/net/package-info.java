/**
 * The bottom-up detector (Panoptic-DeepLab style, Cheng et al. 2020) on our ResNet18: the network
 * ({@link org.radioclr.detect.net.DetectBlock}), its training targets ({@link
 * org.radioclr.detect.net.Targets}), its loss ({@link org.radioclr.detect.net.DetectLoss}) and the
 * grouping of its outputs into instances ({@link org.radioclr.detect.net.Grouping}). DJL/PyTorch
 * types stay in this package and the trainer.
 */
package org.radioclr.detect.net;
