package org.radioclr.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The optional {@code --labels} datalist of the anomaly commands: an existing file. */
final class LabelsOption {
  @Option(
      names = "--labels",
      paramLabel = "L.json",
      converter = ExistingFileConverter.class,
      description =
          "Datalist with the frame labels (e.g. the simulator's sets/anomaly/datalist.json);"
              + " default: the table's own label column.")
  Path file;
}
