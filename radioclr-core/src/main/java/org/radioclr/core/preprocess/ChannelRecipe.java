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

  /** A recipe from the given stages. */
  public static ChannelRecipe of(String name, ChannelStage... stages) {
    return new ChannelRecipe(name, List.of(stages));
  }
}
