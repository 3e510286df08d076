/**
 * Anomaly candidates out of a score table ({@code radioclr anomaly export}): the top-N or
 * above-threshold frames as a CSV and VOTable catalogue, a DS9 region file of their sky footprints
 * and a contact sheet of their images.
 */
package org.radioclr.anomaly.export;
