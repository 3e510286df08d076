/**
 * Label vocabularies shared by the simulator, classification and the anomaly search: the §5.1 frame
 * labels ({@link org.radioclr.formats.labels.FrameLabel}), source morphologies and their families
 * ({@link org.radioclr.formats.labels.Morphology}) and the detection classes of paper §4.2 ({@link
 * org.radioclr.formats.labels.DetectionClass}).
 */
package org.radioclr.formats.labels;
