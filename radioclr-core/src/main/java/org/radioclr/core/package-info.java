/**
 * radioclr core: the exception family and the code version shared by every module. Sub-packages
 * hold FITS I/O ({@code fits}), world coordinates ({@code wcs}), image planes ({@code image}), the
 * paper's pre-processing ({@code preprocess}), cutout builders ({@code cutout}), datalists ({@code
 * datalist}) and catalogues ({@code catalog}).
 */
package org.radioclr.core;
