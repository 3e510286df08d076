package org.radioclr.app;

import org.radioclr.detect.net.Grouping;
import picocli.CommandLine.Option;

/** How the commands that run the detector group its pixels into objects. */
final class GroupingOptions {
  @Option(
      names = "--peak-window",
      paramLabel = "PX",
      description =
          "Half-side of the square in which an instance centre must be the heatmap's maximum"
              + " (default: ${DEFAULT-VALUE}, i.e. 19x19 pixels).")
  int peakWindow = Grouping.DEFAULT.window();

  /**
   * The grouping.
   *
   * @throws BadOptionException naming a bad window
   */
  Grouping resolve() {
    return BadOptionException.check(
        () ->
            new Grouping(
                Grouping.DEFAULT.centerThreshold(),
                peakWindow,
                Grouping.DEFAULT.topK(),
                Grouping.DEFAULT.minPixels()));
  }
}
