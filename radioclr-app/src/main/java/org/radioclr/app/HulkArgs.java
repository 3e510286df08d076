package org.radioclr.app;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.core.cutout.HulkConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The maps, output folder and frame grid of {@code cutouts hulk} (also {@code spark cutouts}). */
public final class HulkArgs {
  @Parameters(arity = "1..*", paramLabel = "MAP.fits", description = "Survey maps.")
  List<Path> maps;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--size", paramLabel = "PIX", description = "Frame side (default: 256).")
  int size = HulkConfig.PAPER.size();

  @Option(
      names = "--step",
      paramLabel = "PIX",
      description = "Shift between frames (default: half the size).")
  Integer step;

  @Option(
      names = "--max-blank",
      paramLabel = "F",
      description = "Largest blank fraction of a kept frame (default: 0.3).")
  double maxBlank = HulkConfig.PAPER.maxBlankFraction();

  /** The maps, in the order given. */
  public List<Path> maps() {
    return List.copyOf(maps);
  }

  /** The output folder. */
  public Path out() {
    return out;
  }

  /**
   * The frame grid.
   *
   * @throws BadOptionException for a size, step or blank fraction out of range
   */
  public HulkConfig config() {
    return BadOptionException.check(
        () -> new HulkConfig(size, step == null ? Math.max(1, size / 2) : step, maxBlank));
  }
}
