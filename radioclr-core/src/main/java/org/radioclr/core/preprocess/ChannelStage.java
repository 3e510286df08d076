package org.radioclr.core.preprocess;

/**
 * One step of a channel recipe. A stage works on the valid pixels of one channel only: {@code
 * values[0..n)} holds them in row-major order (invalid pixels are not there), and the stage
 * rewrites them in place. Stages are immutable, validated configuration records; the scratch memory
 * they need comes from the caller's {@link Workspace}, so one stage may be shared by many threads
 * as long as each thread uses its own workspace.
 */
public sealed interface ChannelStage permits SigmaClipStage, ZScaleStage, MinMaxStage {

  /**
   * Transforms {@code values[0..n)} in place.
   *
   * @param values valid pixels of one channel, row-major order, length at least {@code n}
   * @param n number of valid pixels, at least 1
   * @param workspace the calling thread's scratch buffers
   */
  void apply(double[] values, int n, Workspace workspace);

  /**
   * What the stage does, in the words of a paper's methods section, e.g. {@code sigma-clipped (5σ
   * lower, 30σ upper)}; parameters at their usual (astropy) defaults are left out. Unicode ({@code
   * σ}, {@code –}); {@link RecipeText#ascii} gives a plain-ASCII form.
   */
  String describe();
}
