/**
 * What {@code radioclr detect run} and {@code detect islands} write for each map ({@link
 * org.radioclr.detect.output.MapOutputs}): the catalogue as CSV and VOTable, DS9 regions around
 * each mask ({@link org.radioclr.detect.output.MaskOutline}), the FITS label image and the
 * caesar-mrcnn style annotation.
 */
package org.radioclr.detect.output;
