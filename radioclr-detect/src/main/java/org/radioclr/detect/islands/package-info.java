/**
 * The classic source finder radio astronomers know (BANE + Aegean/PyBDSF-like islands), as the
 * baseline the learned detector is measured against: background and noise on a coarse grid with
 * sigma clipping, interpolated ({@link org.radioclr.detect.islands.BackgroundGrid}); islands seeded
 * at 5σ and grown to 3σ, one object per island, COMPACT or EXTENDED by size against the beam
 * ({@link org.radioclr.detect.islands.IslandFinder}). Islands cannot join the lobes of a radio
 * galaxy: EXTENDED-MULTISLAND is never found.
 */
package org.radioclr.detect.islands;
