/**
 * Finding the pixels and sky footprint of a scored frame by its name: through the datalist that
 * made the features (each frame's own FITS file and WCS), or through the survey map it was cut from
 * ({@code map}, {@code x0}, {@code y0} columns of the table and a frame size); and turning frames
 * into contact-sheet tiles.
 */
package org.radioclr.anomaly.frames;
