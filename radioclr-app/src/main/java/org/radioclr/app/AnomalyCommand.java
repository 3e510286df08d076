package org.radioclr.app;

import picocli.CommandLine.Command;

/**
 * {@code radioclr anomaly}: the peculiar-object search of paper §5: feature selection, Isolation
 * Forest scores and their tuning, evaluation against frame labels, candidate export.
 */
@Command(
    name = "anomaly",
    mixinStandardHelpOptions = true,
    description = {
      "Peculiar-object search (paper §5) on a feature table: select the features that tell"
          + " interesting frames from ordinary ones, score every frame with an Isolation Forest"
          + " (and tune it on labelled frames), evaluate the ranking, export the candidates."
    },
    subcommands = {
      AnomalySelectCommand.class,
      AnomalyFitCommand.class,
      AnomalyScoreCommand.class,
      AnomalyScanCommand.class,
      AnomalyEvaluateCommand.class,
      AnomalyExportCommand.class,
      AnomalyActiveCommand.class
    })
final class AnomalyCommand {}
