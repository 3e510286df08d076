/**
 * The paper's SimCLR data augmentations (Riggi et al., section 2.3 and Table 2) on pre-processed
 * {@code [C][H][W]} cubes with values in [0, 1]: random crop and resize, colour jitter, flips,
 * quarter-turn rotations, Gaussian blur and per-channel random thresholding, each a small immutable
 * {@link org.radioclr.core.augment.Augmentation} applied with its own probability by an {@link
 * org.radioclr.core.augment.AugmentationPipeline} (presets {@code hulk} and {@code banner}; JSON
 * through {@link org.radioclr.core.io.Json}).
 *
 * <p>Randomness is explicit: every view is drawn from its own {@link java.util.SplittableRandom}
 * ({@link org.radioclr.core.augment.ViewRandom} derives one per epoch, image and view from a seed).
 * Steps work in place on a reusable {@link org.radioclr.core.augment.AugmentView}, one per thread.
 * {@link org.radioclr.core.augment.AugmentPreview} draws views as a PNG contact sheet and {@link
 * org.radioclr.core.augment.AugmentBenchmark} measures views per second.
 */
package org.radioclr.core.augment;
