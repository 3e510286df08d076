package org.radioclr.app;

/** The {@code --stem} option: which first layers the ResNet18 encoder has. */
enum StemChoice {
  /** The small stem up to 32 px, torchvision's above (SimclrTrainConfig.SMALL_STEM_MAX_SIZE). */
  auto,
  /** 3x3 stride-1 convolution, no max-pool (keeps small images' detail; ~16x the compute). */
  small,
  /** torchvision's 7x7 stride-2 convolution and max-pool. */
  standard;

  /** The configuration value: {@code null} for automatic. */
  Boolean smallStem() {
    return switch (this) {
      case auto -> null;
      case small -> Boolean.TRUE;
      case standard -> Boolean.FALSE;
    };
  }

  static final String DESCRIPTION =
      "Encoder stem: auto (small up to 32 px), small (3x3 stride 1, no max-pool: more detail,"
          + " ~16x the compute) or standard (torchvision's 7x7 stride 2 + max-pool).";
}
