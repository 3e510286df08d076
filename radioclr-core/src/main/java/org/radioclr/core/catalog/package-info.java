/**
 * Source catalogues for the source-centred ("banner") cutout builder: one cutout per catalogued
 * source, centred on it, its side a multiple of the source's bounding-box size (1.5 in the paper's
 * banner data sets).
 *
 * <p>{@link org.radioclr.core.catalog.CatalogReader} reads CSV, VOTable and FITS binary tables with
 * STIL, maps columns as a {@link org.radioclr.core.catalog.CatalogColumns} says (defaults find the
 * usual column names), and returns a {@link org.radioclr.core.catalog.Catalog} of immutable {@link
 * org.radioclr.core.catalog.CatalogSource} records: name, sky or 0-based pixel position, pixel box
 * or angular size, optional label.
 *
 * <p>{@link org.radioclr.core.catalog.CatalogTableWriter} writes catalogues (rows of a record type
 * through a column list) as CSV and VOTable 1.4, atomically.
 */
package org.radioclr.core.catalog;
