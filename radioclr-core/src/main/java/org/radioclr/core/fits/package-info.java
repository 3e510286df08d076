/**
 * FITS image input and output on top of nom-tam-fits: {@link org.radioclr.core.fits.FitsReader}
 * turns any 2-D image (or one plane of a cube, any BITPIX, scaled, tile-compressed or gzipped) into
 * a float32 {@link org.radioclr.core.image.Plane} plus its header ({@link
 * org.radioclr.core.fits.FitsImage}); {@link org.radioclr.core.fits.FitsWriter} writes float32
 * images and cubes atomically, carrying the WCS, beam and provenance cards chosen with {@link
 * org.radioclr.core.fits.FitsCards}. Every problem with an input file is a {@link
 * org.radioclr.core.BadInputException} naming the file; nom-tam's own warnings are kept off the
 * console.
 */
package org.radioclr.core.fits;
