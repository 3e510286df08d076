/**
 * Cutout data sets (paper §2.2): blind sliding-window "hulk" frames over whole maps and
 * source-centred "banner" cutouts from a catalogue, each written as FITS files with a datalist,
 * plus the robust noise estimate recorded for every cutout.
 */
package org.radioclr.core.cutout;
