package org.radioclr.detect.tiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.io.RelativePaths;

/**
 * The index of a {@code detect run}: {@code maps.csv} in the output folder, one line per map in the
 * order given ({@code map}, its path relative to the output folder; {@code folder}, where its
 * catalogue and label image are; {@code objects}, how many were found). A sharded run writes one
 * part per shard ({@code maps.part-000I-of-000N.csv}), which {@code radioclr merge} joins into the
 * index one process writes. Written atomically.
 */
public final class MapIndex {
  /** The index's file name in the output folder. */
  public static final String FILE = "maps.csv";

  private final Path outDir;
  private final StringBuilder csv = new StringBuilder();

  /** An index of maps whose folders are under {@code outDir}. */
  public MapIndex(Path outDir) {
    this.outDir = outDir;
    Csv.line(csv, List.of("map", "folder", "objects"));
  }

  /** Adds a map whose objects were written to {@code folder}. */
  public void add(Path map, Path folder, int objects) {
    List<Object> row = new ArrayList<>(3);
    row.add(RelativePaths.from(outDir, map));
    row.add(RelativePaths.from(outDir, folder));
    row.add(objects);
    Csv.line(csv, row);
  }

  /** Writes the index to {@code file} (normally {@code outDir/maps.csv} or one of its parts). */
  public void write(Path file) {
    AtomicFiles.writeString(file, csv);
  }
}
