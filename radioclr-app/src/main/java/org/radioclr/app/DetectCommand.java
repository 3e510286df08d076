package org.radioclr.app;

import picocli.CommandLine.Command;

/**
 * {@code radioclr detect}: source detection with instance masks (paper §4): train the bottom-up
 * detector, evaluate it beside the island-finder baseline with the caesar-mrcnn protocol.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Source detection with instance masks (paper section 4): train the detector on frames"
          + " annotated in the caesar-mrcnn form (radioclr simulate writes them to"
          + " sets/detection), and evaluate it and the classic island finder against the truth"
          + " with caesar-mrcnn's protocol."
    },
    subcommands = {
      DetectTrainCommand.class,
      DetectRunCommand.class,
      DetectIslandsCommand.class,
      DetectEvaluateCommand.class,
      DetectStudyCommand.class,
      DetectExportCommand.class
    })
final class DetectCommand {}
