/**
 * World coordinates: the celestial part of a FITS WCS (Greisen &amp; Calabretta 2002, Paper I;
 * Calabretta &amp; Greisen 2002, Paper II) in pure Java.
 *
 * <p>{@link org.radioclr.core.wcs.Wcs} reads the celestial axes 1 and 2 of a nom-tam {@code Header}
 * and maps 0-based pixel positions to sky positions and back; {@link
 * org.radioclr.core.wcs.SkyCoord} is a sky position in a {@link
 * org.radioclr.core.wcs.CelestialFrame} (ICRS, FK5 J2000, Galactic) and converts between them the
 * way astropy does. Projections: SIN (with slant parameters), NCP, TAN, ARC, STG, ZEA, CAR, AIT.
 * Broken or unsupported headers throw {@link org.radioclr.core.wcs.WcsException}.
 */
package org.radioclr.core.wcs;
