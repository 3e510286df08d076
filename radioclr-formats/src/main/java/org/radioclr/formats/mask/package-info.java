/**
 * Instance masks in pixel space: boxes ({@link org.radioclr.formats.mask.PixelBox}), a source's
 * mask in map pixels ({@link org.radioclr.formats.mask.SourceMask}) and the pixel operations on
 * masks ({@link org.radioclr.formats.mask.Masks}: bounds, crops, counts and the one 8-connected
 * island labelling used by the simulator's truth and its caesar-mrcnn annotations).
 */
package org.radioclr.formats.mask;
