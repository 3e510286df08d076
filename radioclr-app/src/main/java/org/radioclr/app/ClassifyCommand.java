package org.radioclr.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code radioclr classify}: downstream morphology classification (paper §3). */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify source morphology with a learned representation (paper §3): a linear probe on a"
          + " frozen encoder (probe, on images; probe --features, on feature tables),"
          + " fine-tuning with a label-fraction study (finetune), prediction with a saved"
          + " classifier (predict), and a leave-one-out kNN check of a feature table (knn).",
      "Scores: per-class precision, recall and F1, macro and weighted averages, accuracy and the"
          + " confusion matrix, written to metrics.json with a PNG heat map."
    },
    subcommands = {
      ClassifyProbeCommand.class,
      ClassifyFinetuneCommand.class,
      ClassifyPredictCommand.class,
      ClassifyKnnCommand.class
    })
final class ClassifyCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing required subcommand");
  }
}
