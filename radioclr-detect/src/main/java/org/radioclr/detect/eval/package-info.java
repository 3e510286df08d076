/**
 * The detection evaluation of caesar-mrcnn (Riggi et al. 2023; paper §4.3): post-processing of the
 * detections ({@link org.radioclr.detect.eval.CaesarPostProcess}), matching to the true objects by
 * mask IoU and per-class completeness, reliability and F1 ({@link
 * org.radioclr.detect.eval.CaesarEvaluator}, {@link org.radioclr.detect.eval.DetectionMetrics}).
 */
package org.radioclr.detect.eval;
