/**
 * Source detection with instance masks (paper §4): the detected or true objects of one image
 * ({@link org.radioclr.detect.Instance}, a class, a score and a set of pixels), the operations the
 * caesar-mrcnn protocol needs on them ({@link org.radioclr.detect.PixelSet}), the evaluator ({@code
 * eval}) and the classic island-finder baseline ({@code islands}).
 */
package org.radioclr.detect;
