package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.BadInputException;

/** A field with its map header and mask index, built once per benchmark run. */
record FieldContext(BenchmarkField field, MapHeader header, MaskIndex sources) {

  static FieldContext of(BenchmarkField field) {
    return new FieldContext(field, MapHeader.read(field.map()), MaskIndex.of(field.truths()));
  }

  /** Beam area in pixels (a 3-pixel-FWHM circle when the map has no beam). */
  double beamAreaPixels() {
    return header.beamAreaPixels(Math.PI * 9 / (4 * Math.log(2)));
  }

  /** The contexts keyed by the absolute, normalised map path; maps must be distinct. */
  static Map<Path, FieldContext> byMap(List<BenchmarkField> fields) {
    Map<Path, FieldContext> out = new LinkedHashMap<>();
    for (BenchmarkField f : fields) {
      Path key = f.map().toAbsolutePath().normalize();
      if (out.containsKey(key)) {
        throw new BadInputException(key, "map given for two fields");
      }
      out.put(key, of(f));
    }
    return out;
  }

  /** The context of a frame's map. */
  static FieldContext of(Map<Path, FieldContext> byMap, HulkFrame frame) {
    FieldContext c = byMap.get(frame.map());
    if (c == null) {
      throw new BadInputException(
          frame.image(), "frame of map " + frame.map() + ", which is not one of the fields");
    }
    return c;
  }
}
