/**
 * Detection on whole survey maps: tiling with overlap and stitching so that every object is found
 * once ({@link org.radioclr.detect.tiles.TiledDetection}), and the map-level catalogue and label
 * image ({@link org.radioclr.detect.tiles.MapDetections}).
 */
package org.radioclr.detect.tiles;
