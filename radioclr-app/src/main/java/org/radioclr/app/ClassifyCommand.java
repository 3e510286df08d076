package org.radioclr.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code radioclr classify}: downstream classification of learned features (paper §3). */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify sources from their learned features and score the result (paper §3): a linear"
          + " probe (logistic regression) on feature tables, over one train/test pair or K"
          + " class-balanced random splits, and a leave-one-out kNN check.",
      "Scores: per-class precision, recall and F1, macro and weighted averages, accuracy and the"
          + " confusion matrix, written to metrics.json with a PNG heat map."
    },
    subcommands = {ClassifyProbeFeaturesCommand.class, ClassifyKnnCommand.class})
final class ClassifyCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: try 'radioclr classify --help'.");
  }
}
