/**
 * The simulated map itself: beam-correlated thermal noise from a counter-based random generator,
 * the mosaic primary-beam pattern (smoothly varying rms and an irregular blanked edge), residual
 * mosaicking stripes and ripples, large-scale Galactic diffuse emission, the field's SIN WCS, and
 * the streaming, band-parallel FITS writer that adds the sources' stamps ({@link
 * org.radioclr.sim.map.BandContribution}) and writes float32 Jy/beam in constant memory.
 */
package org.radioclr.sim.map;
