package org.radioclr.app;

import picocli.CommandLine.Command;

/** {@code radioclr anomaly}: the peculiar-object search of paper §5.2. */
@Command(
    name = "anomaly",
    mixinStandardHelpOptions = true,
    description = {
      "Search for peculiar frames in a feature table: score every frame with an Isolation"
          + " Forest, and tune the forest on labelled frames."
    },
    subcommands = {AnomalyScoreCommand.class, AnomalyScanCommand.class})
final class AnomalyCommand {}
