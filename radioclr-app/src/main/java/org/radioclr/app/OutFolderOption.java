package org.radioclr.app;

import java.nio.file.Path;
import org.radioclr.core.io.OutputFolders;
import picocli.CommandLine.Option;

/**
 * The {@code --out} option of the commands that write their results into a new output folder: one
 * that is missing (it is created) or empty, so that a run never mixes its files with an earlier
 * run's.
 */
final class OutFolderOption {
  /** What the message of a refused folder suggests. */
  static final String ADVICE = "choose another --out folder or remove it";

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (must be new or empty).")
  Path dir;

  /**
   * The folder, after refusing one that exists and holds anything.
   *
   * @throws org.radioclr.core.BadInputException naming the folder when it is not empty or is a file
   */
  Path requireEmpty() {
    return requireEmpty(ADVICE);
  }

  /**
   * The folder, after refusing one that exists and holds anything, with another suggestion.
   *
   * @param advice what the user can do instead, ending the message
   */
  Path requireEmpty(String advice) {
    OutputFolders.requireEmpty(dir, advice);
    return dir;
  }
}
