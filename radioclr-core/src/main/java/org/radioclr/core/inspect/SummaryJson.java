package org.radioclr.core.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.fits.Beam;

/** The JSON form of a {@link MapSummary} (layout in {@link MapSummary#toJsonNode()}). */
final class SummaryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  static String write(MapSummary s) {
    try {
      return MAPPER.writeValueAsString(tree(s));
    } catch (JsonProcessingException e) {
      throw new RadioclrException("cannot write the summary of " + s.file() + " as JSON", e);
    }
  }

  static ObjectNode tree(MapSummary s) {
    ObjectNode o = NODES.objectNode();
    o.put("file", s.file().toString());
    o.put("width", s.width());
    o.put("height", s.height());
    ArrayNode axes = o.putArray("axes");
    s.axes().forEach(axes::add);
    if (s.plane() >= 0) {
      o.put("plane", s.plane());
    } else {
      o.putNull("plane");
    }
    o.put("bitpix", s.bitpix());
    text(o, "unit", s.unit());
    if (s.sky().isPresent()) {
      o.set("wcs", sky(s.sky().get()));
    } else {
      o.putNull("wcs");
    }
    text(o, "wcs_problem", s.wcsProblem());
    if (s.beam().isPresent()) {
      Beam b = s.beam().get();
      ObjectNode beam = o.putObject("beam");
      number(beam, "bmaj_arcsec", b.majorArcsec());
      number(beam, "bmin_arcsec", b.minorArcsec());
      number(beam, "bpa_deg", b.positionAngle());
    } else {
      o.putNull("beam");
    }
    PixelStats p = s.pixels();
    ObjectNode pixels = o.putObject("pixels");
    pixels.put("total", p.pixels());
    pixels.put("blank", p.blank());
    number(pixels, "blank_fraction", p.blankFraction());
    number(pixels, "min", p.min());
    number(pixels, "max", p.max());
    number(pixels, "median", p.median());
    number(pixels, "rms", p.rms());
    return o;
  }

  private static ObjectNode sky(SkySummary sky) {
    ObjectNode w = NODES.objectNode();
    w.put("projection", sky.projection());
    w.put("frame", sky.frame().name());
    w.put("radec_frame", sky.equatorialFrame().name());
    ArrayNode scale = w.putArray("pixel_scale_arcsec");
    scale.add(sky.pixelScaleXArcsec()).add(sky.pixelScaleYArcsec());
    ArrayNode size = w.putArray("size_arcmin");
    size.add(sky.widthArcmin()).add(sky.heightArcmin());
    w.set("centre", point(sky.centre()));
    ArrayNode corners = w.putArray("corners");
    sky.corners().forEach(c -> corners.add(point(c)));
    ArrayNode defaults = w.putArray("defaults");
    sky.defaults().forEach(defaults::add);
    return w;
  }

  private static ObjectNode point(SkyPoint p) {
    ObjectNode o = NODES.objectNode();
    number(o, "x", p.x());
    number(o, "y", p.y());
    number(o, "ra_deg", p.equatorial().lon());
    number(o, "dec_deg", p.equatorial().lat());
    number(o, "l_deg", p.galactic().lon());
    number(o, "b_deg", p.galactic().lat());
    return o;
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static void text(ObjectNode o, String key, Optional<String> v) {
    if (v.isPresent()) {
      o.put(key, v.get());
    } else {
      o.putNull(key);
    }
  }
}
