/**
 * The caesar-mrcnn annotation format (Riggi et al. 2023; paper §4.2): one JSON file per image with
 * its metadata and its objects, one frame-sized FITS mask per object. {@link
 * org.radioclr.formats.caesar.CaesarAnnotationWriter} writes it from plain masks, {@link
 * org.radioclr.formats.caesar.CaesarAnnotationReader} reads it back (what radioclr-sim writes and
 * the public caesar-mrcnn file lists), {@link org.radioclr.formats.caesar.CaesarClasses} maps
 * caesar-mrcnn's class names to {@link org.radioclr.formats.labels.DetectionClass}.
 */
package org.radioclr.formats.caesar;
