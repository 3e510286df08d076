package org.radioclr.core.fits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import org.radioclr.core.BadInputException;

/**
 * Checks an HDU header before {@link FitsReader} trusts it, so a damaged header gives one message
 * naming the keyword and its value rather than a silently wrong image or nom-tam's internals.
 *
 * <ul>
 *   <li>{@code SIMPLE} (when present) must be {@code T};
 *   <li>{@code BITPIX} must be 8, 16, 32, 64, -32 or -64;
 *   <li>{@code NAXIS} must be an integer in [0, 999] and every {@code NAXISn} up to it must be
 *       there, a non-negative integer; axes 1 and 2 at most 2<sup>31</sup>-1 pixels, and the data
 *       unit's size a 64-bit number;
 *   <li>keywords whose value must be a number ({@code BSCALE, BZERO}, {@code BLANK} for integer
 *       data, the WCS cards {@code CRPIXn, CRVALn, CDELTn, CROTAn, PCi_j, CDi_j, LONPOLE, LATPOLE,
 *       EQUINOX} and the beam {@code BMAJ, BMIN, BPA}) must hold one when present: a string, a
 *       logical or a word there is an error, never a silent default.
 * </ul>
 */
final class HeaderChecks {
  private HeaderChecks() {}

  /** FITS allows at most this many axes. */
  static final int MAX_NAXIS = 999;

  /** A FITS integer or real value (the exponent may be written with D). */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([EeDd][+-]?\\d+)?");

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  /** Keywords whose value, when present, must be a number. */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "BSCALE|BZERO|(CRPIX|CRVAL|CDELT|CROTA)\\d{1,3}|(PC|CD)\\d{1,3}_\\d{1,3}"
              + "|LONPOLE|LATPOLE|EQUINOX|BMAJ|BMIN|BPA");

  /**
   * Checks the structure and the numeric keywords of {@code header}, the header of an HDU of {@code
   * file}.
   *
   * @throws BadInputException naming the file, the keyword and its value
   */
  static void check(Path file, Header header) {
    simple(file, header);
    int bitpix = bitpix(file, header);
    axes(file, header);
    numbers(file, header, bitpix > 0);
  }

  private static void simple(Path file, Header header) {
    HeaderCard card = header.getCard("SIMPLE");
    if (card == null) {
      return; // an extension header
    }
    String v = card.getValue() == null ? "" : card.getValue().strip();
    if (!card.isStringValue() && v.equals("T")) {
      return;
    }
    throw new BadInputException(
        file, "not a standard FITS file: SIMPLE = " + shown(card) + " (a standard file says T)");
  }

  /** The BITPIX of the header, checked. */
  static int bitpix(Path file, Header header) {
    long bitpix = integer(file, header, "BITPIX", Long.MIN_VALUE);
    if (bitpix == Long.MIN_VALUE) {
      throw new BadInputException(file, "BITPIX is missing");
    }
    if (bitpix != 8
        && bitpix != 16
        && bitpix != 32
        && bitpix != 64
        && bitpix != -32
        && bitpix != -64) {
      throw new BadInputException(
          file, "invalid BITPIX " + bitpix + " (FITS allows 8, 16, 32, 64, -32, -64)");
    }
    return (int) bitpix;
  }

  /** NAXIS and every NAXISn, checked; the axis lengths in FITS order. */
  static long[] axes(Path file, Header header) {
    long naxis = integer(file, header, "NAXIS", -1);
    if (naxis == -1 && !header.containsKey("NAXIS")) {
      throw new BadInputException(file, "NAXIS is missing");
    }
    if (naxis < 0 || naxis > MAX_NAXIS) {
      throw new BadInputException(
          file, "NAXIS = " + naxis + " is invalid (FITS allows 0 to " + MAX_NAXIS + " axes)");
    }
    long[] axes = new long[(int) naxis];
    List<Integer> missing = new ArrayList<>();
    for (int i = 1; i <= naxis; i++) {
      String key = "NAXIS" + i;
      long n = integer(file, header, key, -1);
      if (n == -1 && !header.containsKey(key)) {
        missing.add(i);
        continue;
      }
      if (n < 0) {
        throw new BadInputException(
            file, key + " = " + n + " is invalid (an axis length is 0 or more)");
      }
      axes[i - 1] = n;
    }
    if (!missing.isEmpty()) {
      throw new BadInputException(
          file,
          "NAXIS = "
              + naxis
              + " but "
              + ranges(missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing");
    }
    for (int i = 0; i < Math.min(2, axes.length); i++) {
      if (axes[i] > Integer.MAX_VALUE) {
        throw new BadInputException(
            file,
            "image too large: NAXIS"
                + (i + 1)
                + " = "
                + axes[i]
                + " pixels (at most "
                + Integer.MAX_VALUE
                + " per axis)");
      }
    }
    long size = 1;
    for (int i = 0; i < axes.length; i++) {
      try {
        size = Math.multiplyExact(size, axes[i]);
        Math.multiplyExact(size, 8L);
      } catch (ArithmeticException e) {
        throw new BadInputException(
            file, "image too large: the axes NAXIS1..NAXIS" + axes.length + " overflow", e);
      }
    }
    return axes;
  }

  private static void numbers(Path file, Header header, boolean integerData) {
    Cursor<String, HeaderCard> it = header.iterator();
    while (it.hasNext()) {
      HeaderCard card = it.next();
      String key = card.getKey();
      if (key == null) {
        continue;
      }
      if (NUMERIC.matcher(key).matches()) {
        numberText(file, card);
      } else if (integerData && key.equals("BLANK")) {
        integerText(file, card);
      }
    }
  }

  /**
   * The value of an integer keyword, {@code missing} when the header lacks it.
   *
   * @throws BadInputException when the keyword is there but its value is not an integer
   */
  static long integer(Path file, Header header, String key, long missing) {
    HeaderCard card = header.getCard(key);
    return card == null ? missing : integerText(file, card);
  }

  /**
   * The value of a numeric keyword, {@code missing} when the header lacks it.
   *
   * @throws BadInputException when the keyword is there but its value is not a number
   */
  static double real(Path file, Header header, String key, double missing) {
    HeaderCard card = header.getCard(key);
    return card == null ? missing : numberText(file, card);
  }

  private static double numberText(Path file, HeaderCard card) {
    String t = value(file, card, "a number");
    if (!NUMBER.matcher(t).matches()) {
      throw notA(file, card, "a number");
    }
    double v = Double.parseDouble(t.replace('D', 'E').replace('d', 'e'));
    if (!Double.isFinite(v)) {
      throw new BadInputException(file, card.getKey() + " = " + t + " is too large a number");
    }
    return v;
  }

  private static long integerText(Path file, HeaderCard card) {
    String t = value(file, card, "an integer");
    if (!INTEGER.matcher(t).matches()) {
      throw notA(file, card, "an integer");
    }
    try {
      return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      throw new BadInputException(
          file, card.getKey() + " = " + t + " is too large (beyond a 64-bit integer)", e);
    }
  }

  private static String value(Path file, HeaderCard card, String what) {
    String v = card.getValue();
    if (v == null || v.isBlank()) {
      throw new BadInputException(file, card.getKey() + " has no value; it must be " + what);
    }
    if (card.isStringValue()) {
      throw notA(file, card, what);
    }
    return v.strip();
  }

  private static BadInputException notA(Path file, HeaderCard card, String what) {
    return new BadInputException(file, card.getKey() + " = " + shown(card) + " is not " + what);
  }

  /** The value as written in the header: strings quoted. */
  private static String shown(HeaderCard card) {
    String v = card.getValue() == null ? "" : card.getValue().strip();
    return card.isStringValue() ? "'" + v + "'" : v;
  }

  /** {@code NAXIS3}, {@code NAXIS3 and NAXIS5}, {@code NAXIS3 to NAXIS999}, ... */
  private static String ranges(List<Integer> axes) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < axes.size()) {
      int j = i;
      while (j + 1 < axes.size() && axes.get(j + 1) == axes.get(j) + 1) {
        j++;
      }
      if (j == i) {
        parts.add("NAXIS" + axes.get(i));
      } else if (j == i + 1) {
        parts.add("NAXIS" + axes.get(i));
        parts.add("NAXIS" + axes.get(j));
      } else {
        parts.add("NAXIS" + axes.get(i) + " to NAXIS" + axes.get(j));
      }
      i = j + 1;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
