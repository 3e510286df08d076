/**
 * The simulated sky and its ground truth: {@link org.radioclr.sim.sky.SkyGenerator} draws sources
 * (power-law flux counts, log-normal sizes, the morphologies of {@link
 * org.radioclr.formats.labels.Morphology}) for a {@link org.radioclr.sim.SimPreset}; {@link
 * org.radioclr.sim.sky.SourceRenderer} convolves each with the restoring beam analytically into a
 * {@link org.radioclr.sim.sky.Stamp} (Jy/beam); {@link org.radioclr.sim.sky.TruthBuilder} measures
 * on the noiseless stamps what a perfect source finder would report: instance masks, islands,
 * components and peaks (Radio Galaxy Zoo C/P), moments and the caesar-mrcnn detection class (paper
 * §4.2).
 */
package org.radioclr.sim.sky;
