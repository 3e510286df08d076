package org.radioclr.core.preprocess;

import java.util.List;
import java.util.Objects;

/**
 * How one output channel is made from the input image: its stages, applied in order to the valid
 * pixels (see {@link ChannelStage}).
 *
 * @param name a short label for reports and previews, not blank; {@code null} in a {@link
 *     PreprocessConfig} names it after its place ({@code channel1}, ...)
 * @param stages the stages in order, not empty
 */
public record ChannelRecipe(String name, List<ChannelStage> stages) {

  public ChannelRecipe {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("channel name must not be blank");
    }
    Objects.requireNonNull(stages, "stages");
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("channel '" + name + "' needs at least one stage");
    }
    stages = List.copyOf(stages);
  }

  /**
   * The stages in words, joined by "then", e.g. {@code sigma-clipped (5σ lower, 30σ upper) then
   * min–max scaled to [0, 1]} (see {@link ChannelStage#describe()}).
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (ChannelStage s : stages) {
      if (!sb.isEmpty()) {
        sb.append(" then ");
      }
      sb.append(s.describe());
    }
    return sb.toString();
  }

  /** A recipe from the given stages. */
  public static ChannelRecipe of(String name, ChannelStage... stages) {
    return new ChannelRecipe(name, List.of(stages));
  }
}
