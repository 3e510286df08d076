package org.radioclr.core.inspect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pixel values with their unit, to 4 significant digits, for people to read. A value in Jansky
 * ({@code BUNIT} {@code Jy}, {@code Jy/beam}, {@code JY/BEAM}, {@code Jy/pixel}..., any case) is
 * shown in Jy, mJy or µJy, whichever puts its magnitude in [1, 1000) ({@code 1.523e-4 Jy/beam ->
 * "152.3 µJy/beam"}); below 1 µJy it stays in µJy. Other units are printed as given, after the
 * value; no unit means a bare number.
 */
public final class FluxFormat {
  private static final Pattern JANSKY = Pattern.compile("(?i)jy\\s*(/\\s*[a-z]+)?");
  private static final MathContext FOUR_DIGITS = new MathContext(4);

  private FluxFormat() {}

  /** {@code value} with {@code unit}, scaled as in the class comment; NaN prints {@code n/a}. */
  public static String format(double value, Optional<String> unit) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return (value > 0 ? "+inf" : "-inf") + unit.map(u -> " " + u).orElse("");
    }
    double rounded = round4(value);
    if (unit.isEmpty()) {
      return number(rounded);
    }
    Matcher m = JANSKY.matcher(unit.get().strip());
    if (!m.matches()) {
      return number(rounded) + " " + unit.get().strip();
    }
    String suffix = m.group(1) == null ? "" : m.group(1).replaceAll("\\s", "");
    suffix = suffix.toLowerCase(Locale.ROOT);
    double a = Math.abs(rounded);
    if (a >= 1.0 || a == 0.0) {
      return number(rounded) + " Jy" + suffix;
    }
    if (a >= 1e-3) {
      return number(round4(value * 1e3)) + " mJy" + suffix;
    }
    return number(round4(value * 1e6)) + " µJy" + suffix;
  }

  /** The value rounded to 4 significant digits. */
  private static double round4(double v) {
    if (v == 0.0) {
      return 0.0;
    }
    return new BigDecimal(v).round(FOUR_DIGITS).doubleValue();
  }

  /** 4 significant digits: fixed-point for magnitudes in [1e-3, 1e6), scientific outside. */
  private static String number(double v) {
    double a = Math.abs(v);
    if (a == 0.0) {
      return "0";
    }
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    int decimals;
    if (a >= 1000) {
      decimals = 0;
    } else if (a >= 100) {
      decimals = 1;
    } else if (a >= 10) {
      decimals = 2;
    } else if (a >= 1) {
      decimals = 3;
    } else if (a >= 0.1) {
      decimals = 4;
    } else if (a >= 0.01) {
      decimals = 5;
    } else {
      decimals = 6;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
