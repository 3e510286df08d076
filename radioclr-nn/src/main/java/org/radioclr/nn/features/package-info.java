/**
 * Feature extraction (paper §2.4: the encoder's 512-d representation feeds every downstream job):
 * {@link org.radioclr.nn.features.FeatureExtractor} runs a SimCLR checkpoint without augmentation
 * on every image of a datalist, with the checkpoint's own pre-processing, batched and streamed, and
 * writes a feature table ({@link org.radioclr.formats.table}).
 */
package org.radioclr.nn.features;
