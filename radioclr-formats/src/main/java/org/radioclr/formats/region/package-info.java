/**
 * Sky region files for image viewers: SAOImage DS9 region format 4.1 ({@link
 * org.radioclr.formats.region.Ds9Regions}), used for anomaly candidate footprints and, next,
 * detections.
 */
package org.radioclr.formats.region;
