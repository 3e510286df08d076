/**
 * Datalists: the JSON index of a cutout data set used by the paper's software (caesar-mrcnn,
 * sclassifier), {@code {"data":[{"filepaths":["a.fits"],"sname":"src1","id":0,"label":"FRII"}]}}.
 *
 * <p>{@link org.radioclr.core.datalist.DatalistEntry} is one image (one file per channel), {@link
 * org.radioclr.core.datalist.DatalistReader} streams entries from a file, {@link
 * org.radioclr.core.datalist.DatalistWriter} streams them to a file written atomically, and {@link
 * org.radioclr.core.datalist.DatalistSummary} is the report of {@code radioclr datalist check}.
 * Reading and writing keep memory flat in the number of entries.
 */
package org.radioclr.core.datalist;
