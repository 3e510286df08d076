package org.radioclr.core.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a channel recipe. A stage works on the valid pixels of one channel only: {@code
 * values[0..n)} holds them in row-major order (invalid pixels are not there), and the stage
 * rewrites them in place. Stages are immutable, validated configuration records; the scratch memory
 * they need comes from the caller's {@link Workspace}, so one stage may be shared by many threads
 * as long as each thread uses its own workspace. In JSON a stage is an object whose {@code "type"}
 * is {@code sigma_clip}, {@code zscale}, {@code minmax}, {@code noise_floor}, {@code percentile},
 * {@code asinh}, {@code log} or {@code snr}, beside the record's keys.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SigmaClipStage.class, name = "sigma_clip"),
  @JsonSubTypes.Type(value = ZScaleStage.class, name = "zscale"),
  @JsonSubTypes.Type(value = MinMaxStage.class, name = "minmax"),
  @JsonSubTypes.Type(value = NoiseFloorStage.class, name = "noise_floor"),
  @JsonSubTypes.Type(value = PercentileStage.class, name = "percentile"),
  @JsonSubTypes.Type(value = AsinhStage.class, name = "asinh"),
  @JsonSubTypes.Type(value = LogStage.class, name = "log"),
  @JsonSubTypes.Type(value = SnrStage.class, name = "snr")
})
public sealed interface ChannelStage
    permits SigmaClipStage,
        ZScaleStage,
        MinMaxStage,
        NoiseFloorStage,
        PercentileStage,
        AsinhStage,
        LogStage,
        SnrStage {

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
