package org.radioclr.core.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radioclr.core.fits.Beam;

/**
 * The aligned text block of a {@link MapSummary}, in the spirit of {@code imhead}/{@code fitsinfo}.
 */
final class SummaryText {
  private static final String INDENT = "  ";
  private static final int LABEL = 10;

  private SummaryText() {}

  static String format(MapSummary s) {
    StringBuilder out = new StringBuilder();
    out.append(s.file()).append('\n');
    line(out, "shape", shape(s));
    line(out, "BITPIX", s.bitpix() + " (" + bitpixName(s.bitpix()) + ")");
    line(out, "unit", s.unit().orElse("(none)"));
    if (s.sky().isPresent()) {
      sky(out, s.sky().get());
    } else {
      line(out, "WCS", "none: " + s.wcsProblem().orElse("unknown reason"));
    }
    line(out, "beam", s.beam().map(SummaryText::beam).orElse("(none)"));
    PixelStats p = s.pixels();
    line(out, "blank", blank(p));
    line(out, "rms", FluxFormat.format(p.rms(), s.unit()) + "  (3-sigma clipped std)");
    line(out, "median", FluxFormat.format(p.median(), s.unit()));
    line(out, "min", FluxFormat.format(p.min(), s.unit()));
    line(out, "max", FluxFormat.format(p.max(), s.unit()));
    return out.toString();
  }

  private static void sky(StringBuilder out, SkySummary sky) {
    line(
        out,
        "WCS",
        sky.projection()
            + " projection, "
            + sky.frame()
            + (sky.defaults().isEmpty()
                ? ""
                : "  (not in the header, FITS defaults used: "
                    + String.join(", ", sky.defaults())
                    + ")"));
    line(out, "pixel", f("%.3f\" x %.3f\"", sky.pixelScaleXArcsec(), sky.pixelScaleYArcsec()));
    String size = f("%.2f' x %.2f'", sky.widthArcmin(), sky.heightArcmin());
    if (Math.max(sky.widthArcmin(), sky.heightArcmin()) >= 120.0) {
      size += f("  (%.2f x %.2f deg)", sky.widthArcmin() / 60.0, sky.heightArcmin() / 60.0);
    }
    line(out, "size", size);
    String frame = sky.equatorialFrame().name();
    line(
        out,
        "centre",
        f("(%.1f, %.1f)  ", sky.centre().x(), sky.centre().y())
            + position(sky.centre())
            + "  "
            + frame);
    line(out, "", pad("", centreLabelWidth(sky)) + galactic(sky.centre()));
    List<String> labels = new ArrayList<>();
    for (SkyPoint c : sky.corners()) {
      labels.add(f("(%d, %d)", (long) c.x(), (long) c.y()));
    }
    int width = labels.stream().mapToInt(String::length).max().orElse(0) + 2;
    for (int i = 0; i < labels.size(); i++) {
      line(
          out, i == 0 ? "corners" : "", pad(labels.get(i), width) + position(sky.corners().get(i)));
    }
  }

  private static int centreLabelWidth(SkySummary sky) {
    return f("(%.1f, %.1f)  ", sky.centre().x(), sky.centre().y()).length();
  }

  /** {@code RA 255.123456 Dec -41.123456 deg = 17:01:47.91 -41:26:22.9}, or n/a. */
  private static String position(SkyPoint p) {
    if (!p.isValid()) {
      return "n/a (outside the projection)";
    }
    double ra = p.equatorial().lon();
    double dec = p.equatorial().lat();
    return f("RA %10.6f  Dec %+10.6f deg", ra, dec)
        + " = "
        + Sexagesimal.ra(ra)
        + " "
        + Sexagesimal.dec(dec);
  }

  private static String galactic(SkyPoint p) {
    if (!p.isValid()) {
      return "n/a";
    }
    return f("l  %10.6f  b   %+10.6f deg", p.galactic().lon(), p.galactic().lat());
  }

  private static String shape(MapSummary s) {
    String shape = s.width() + " x " + s.height() + " pixels";
    if (s.axes().size() == 2) {
      return shape;
    }
    StringBuilder axes = new StringBuilder();
    for (long n : s.axes()) {
      axes.append(axes.isEmpty() ? "" : " x ").append(n);
    }
    String plane = s.plane() >= 0 ? Integer.toString(s.plane()) : "?";
    return shape + " (axes " + axes + ", plane " + plane + " of " + s.planes() + ")";
  }

  private static String bitpixName(int bitpix) {
    return switch (bitpix) {
      case 8 -> "8-bit unsigned integer";
      case 16 -> "16-bit integer";
      case 32 -> "32-bit integer";
      case 64 -> "64-bit integer";
      case -32 -> "32-bit float";
      case -64 -> "64-bit float";
      default -> "unknown";
    };
  }

  private static String beam(Beam b) {
    return f("%.2f\" x %.2f\", PA %.1f deg", b.majorArcsec(), b.minorArcsec(), b.positionAngle());
  }

  private static String blank(PixelStats p) {
    double pct = 100.0 * p.blankFraction();
    String percent;
    if (p.blank() == 0) {
      percent = "0 %";
    } else if (p.blank() == p.pixels()) {
      percent = "100 %";
    } else if (pct < 0.001) {
      percent = "< 0.001 %";
    } else {
      percent = f("%.3f %%", pct);
    }
    return percent
        + f(" (%d of %d pixels NaN, Inf or 0)", p.blank(), p.pixels())
        + (p.valid() == 0 ? ": no valid pixel" : "");
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(INDENT).append(pad(label, LABEL)).append(value).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
