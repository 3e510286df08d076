package org.radioclr.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --features} option of the commands that read a feature table: an existing file. */
public final class FeaturesOption {
  @Option(
      names = "--features",
      required = true,
      paramLabel = "F.parquet|F.csv",
      converter = ExistingFileConverter.class,
      description =
          "Feature table (.parquet or .csv from 'radioclr features') with sname and f0, f1, ..."
              + " columns.")
  Path file;

  /** The feature table given. */
  public Path file() {
    return file;
  }
}
