package org.radioclr.core.inspect;

import java.util.Locale;

/**
 * Sexagesimal notation of sky angles: right ascension in hours {@code hh:mm:ss.ss} and declination
 * (or any latitude) in degrees {@code ±dd:mm:ss.s}.
 *
 * <p>The value is rounded once, half up, to the last printed decimal of the seconds, before it is
 * split into fields, so 59.995 s carries into the minutes ({@code 00:00:59.995 -> 00:01:00.00}) and
 * never prints as {@code 60.00}; right ascension wraps at 24 h. Half-way cases are decided as
 * written in decimal: a nudge of 1e-6 of the last digit undoes the binary rounding of values such
 * as 59.995 (stored as 59.99499999...). The sign of a declination is that of the value, so {@code
 * -0.5 deg} is {@code -00:30:00.0}; a value that rounds to zero prints {@code +}.
 */
public final class Sexagesimal {
  private static final int MAX_DECIMALS = 6;

  private Sexagesimal() {}

  /** Right ascension {@code hh:mm:ss.ss} of {@code raDeg} (any finite value, wrapped to 0-24 h). */
  public static String ra(double raDeg) {
    return ra(raDeg, 2);
  }

  /**
   * Right ascension {@code hh:mm:ss} with {@code decimals} (0-6) decimals of the seconds of time.
   *
   * @throws IllegalArgumentException for a non-finite angle or decimals outside 0-6
   */
  public static String ra(double raDeg, int decimals) {
    check(raDeg, "RA", decimals);
    long scale = pow10(decimals);
    double seconds = (raDeg / 15.0 * 3600.0) % 86_400.0;
    if (seconds < 0) {
      seconds += 86_400.0;
    }
    long units = roundHalfUp(seconds * scale) % (86_400L * scale);
    return fields(units, scale, decimals);
  }

  /** Declination {@code ±dd:mm:ss.s} of {@code decDeg} (in [-90, 90]). */
  public static String dec(double decDeg) {
    return dec(decDeg, 1);
  }

  /**
   * Declination {@code ±dd:mm:ss} with {@code decimals} (0-6) decimals of the arcseconds.
   *
   * @throws IllegalArgumentException for an angle outside [-90, 90] or decimals outside 0-6
   */
  public static String dec(double decDeg, int decimals) {
    check(decDeg, "Dec", decimals);
    if (decDeg < -90.0 || decDeg > 90.0) {
      throw new IllegalArgumentException("Dec must be in [-90, 90] degrees, got " + decDeg);
    }
    long scale = pow10(decimals);
    long units = roundHalfUp(Math.abs(decDeg) * 3600.0 * scale);
    char sign = decDeg < 0 && units != 0 ? '-' : '+';
    return sign + fields(units, scale, decimals);
  }

  /** {@code dd:mm:ss.f} of a non-negative count of 1/scale seconds. */
  private static String fields(long units, long scale, int decimals) {
    long whole = units / scale;
    long frac = units % scale;
    long first = whole / 3600;
    long minutes = whole / 60 % 60;
    long seconds = whole % 60;
    String s = String.format(Locale.ROOT, "%02d:%02d:%02d", first, minutes, seconds);
    if (decimals == 0) {
      return s;
    }
    return s + "." + String.format(Locale.ROOT, "%0" + decimals + "d", frac);
  }

  private static void check(double deg, String what, int decimals) {
    if (!Double.isFinite(deg)) {
      throw new IllegalArgumentException(what + " must be finite, got " + deg);
    }
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be in 0-" + MAX_DECIMALS + ", got " + decimals);
    }
  }

  /** Rounds a non-negative value half up, with the nudge described in the class comment. */
  private static long roundHalfUp(double v) {
    return (long) Math.floor(v + 0.5 + 1e-6);
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
