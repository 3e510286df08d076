/**
 * Neural-network support on DJL with the PyTorch engine: loading the engine offline and picking the
 * device ({@link org.radioclr.nn.Engines}). The models live in {@code org.radioclr.nn.model}, the
 * losses in {@code org.radioclr.nn.loss}. PyTorch types stay inside this module; other modules
 * speak {@code float[]}, records and files.
 */
package org.radioclr.nn;
