/**
 * The sky simulator: reproducible radio survey maps (beam-correlated noise, compact and extended
 * sources, diffuse emission, rare peculiar objects, imaging artefacts) with full ground truth —
 * catalogues, instance masks, frame labels and ready benchmark data sets. Presets follow the
 * surveys of the paper (ASKAP EMU pilot, MeerKAT SMGPS, VLA FIRST).
 */
package org.radioclr.sim;
