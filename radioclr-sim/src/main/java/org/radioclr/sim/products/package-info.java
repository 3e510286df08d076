/**
 * Everything the simulator writes besides the map pixels: the ground-truth catalogue (CSV and
 * VOTable, {@link org.radioclr.sim.products.CatalogueWriter}), instance masks in the caesar-mrcnn
 * annotation form ({@link org.radioclr.sim.products.TruthAnnotator}, the format in {@link
 * org.radioclr.formats.caesar}), the multi-label frame labels of the paper's §5.1 ({@link
 * org.radioclr.sim.products.FrameLabeler}), the three benchmark sets of §3.1, §4.2 and §5.1 ({@link
 * org.radioclr.sim.products.BenchmarkSets}) and PNG previews ({@link
 * org.radioclr.sim.products.MapPreview}, {@link org.radioclr.sim.products.SourceContactSheet}).
 *
 * <p>Pixel coordinates are 0-based map pixels, x along NAXIS1 and y along NAXIS2 (y = 0 is the
 * first FITS row), boxes inclusive, as in {@link org.radioclr.formats.mask.SourceMask}. The formats
 * are described in {@code radioclr-sim/PRODUCTS.md}.
 */
package org.radioclr.sim.products;
