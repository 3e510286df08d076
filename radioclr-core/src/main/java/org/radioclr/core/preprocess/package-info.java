/**
 * The paper's image pre-processing (Riggi et al., section 2.3): composable per-channel stages
 * (astropy-exact sigma clipping, IRAF/astropy zscale, min-max normalisation), PIL-exact bilinear
 * resizing and stacking into a {@code [C][H][W]} float cube for the network.
 *
 * <p>Entry points: {@link org.radioclr.core.preprocess.PreprocessConfig} (immutable, validated,
 * defaults = the paper's 3-channel recipe, JSON through {@link org.radioclr.core.io.Json}) and
 * {@link org.radioclr.core.preprocess.Preprocessor} (one per thread; it owns its scratch buffers);
 * {@link org.radioclr.core.preprocess.CubeFile} writes a result as a FITS cube and preview PNG.
 * Valid pixels are finite and not exactly 0 (blanked); statistics use valid pixels only and invalid
 * pixels are 0 in every output.
 */
package org.radioclr.core.preprocess;
