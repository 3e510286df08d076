/**
 * Detection on whole survey maps: tiling with overlap and stitching so that every object is found
 * once ({@link org.radioclr.detect.tiles.TiledDetection}).
 */
package org.radioclr.detect.tiles;
