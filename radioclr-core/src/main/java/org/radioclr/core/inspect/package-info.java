/**
 * What {@code radioclr info FILE...} shows about a map: {@link
 * org.radioclr.core.inspect.MapSummary} (shape, BITPIX, unit, projection and frame, pixel scale,
 * beam, sky centre and corners, blank fraction, robust noise rms, min/median/max) as an aligned
 * text block or JSON, with the formatters it needs ({@link org.radioclr.core.inspect.Sexagesimal},
 * {@link org.radioclr.core.inspect.FluxFormat}).
 */
package org.radioclr.core.inspect;
