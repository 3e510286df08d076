/**
 * What the simulated sky is made of: sources as lists of elliptical Gaussian components in map
 * pixel coordinates, their morphology and the label schemes of the paper (detection classes §4.2,
 * frame labels §5.1, Radio Galaxy Zoo component/peak classes §3.1).
 */
package org.radioclr.sim.model;
