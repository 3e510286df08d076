package org.radioclr.detect.tiles;

import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.PixelBox;

/**
 * One object found on a map.
 *
 * @param detectionClass its class
 * @param score its score
 * @param pixels its mask as map raster indices ({@code y * width + x}), sorted
 * @param box its inclusive box, map pixels
 * @param x its centroid column (mean of its pixels), map pixels
 * @param y its centroid row, map pixels
 * @param islands its 8-connected islands
 */
public record MapObject(
    DetectionClass detectionClass,
    double score,
    long[] pixels,
    PixelBox box,
    double x,
    double y,
    int islands) {}
