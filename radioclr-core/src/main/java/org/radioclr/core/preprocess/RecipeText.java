package org.radioclr.core.preprocess;

import java.math.BigDecimal;

/**
 * Helpers for the pre-processing recipe in words ({@link PreprocessConfig#describe()}): numbers as
 * a person writes them, and a plain-ASCII form for places that allow nothing else (FITS headers).
 */
public final class RecipeText {
  private RecipeText() {}

  /** {@code 5.0} as {@code 5}, {@code 0.25} as {@code 0.25}: the shortest exact decimal. */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A fraction as a percentage: {@code 0.3} as {@code 30%}, {@code 0.125} as {@code 12.5%}. */
  public static String percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return fraction + "%";
    }
    // the decimal the double prints as, shifted: 0.07 gives 7, not 7.000000000000001
    return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString()
        + "%";
  }

  /**
   * The text with its non-ASCII symbols spelled out: {@code 5σ} as {@code 5 sigma}, {@code ×} as
   * {@code x}, {@code –} as {@code -}.
   */
  public static String ascii(String text) {
    return text.replace("σ", " sigma").replace('×', 'x').replace('–', '-');
  }
}
