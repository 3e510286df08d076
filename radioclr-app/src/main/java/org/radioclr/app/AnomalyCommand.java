package org.radioclr.app;

import picocli.CommandLine.Command;

/**
 * {@code radioclr anomaly}: the peculiar-object search of paper §5. (Shell of this branch: the
 * integrator merges its subcommand list with the scoring branch's.)
 */
@Command(
    name = "anomaly",
    mixinStandardHelpOptions = true,
    description =
        "Peculiar-object search (paper section 5): select features, score, evaluate, export.",
    subcommands = {
      AnomalySelectCommand.class,
      AnomalyEvaluateCommand.class,
      AnomalyExportCommand.class
    })
final class AnomalyCommand {}
