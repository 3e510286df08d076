/**
 * Detection data: annotated frames read from caesar-mrcnn annotations ({@link
 * org.radioclr.detect.data.DetectionSet}), their pre-processing into network input with the paper's
 * detection augmentations ({@link org.radioclr.detect.data.FrameAugment}).
 */
package org.radioclr.detect.data;
