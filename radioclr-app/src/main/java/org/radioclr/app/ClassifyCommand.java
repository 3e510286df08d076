package org.radioclr.app;

import picocli.CommandLine.Command;

/** {@code radioclr classify}: downstream morphology classification (paper §3). */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Classify source morphology with a learned representation: a linear probe on a frozen"
            + " encoder, fine-tuning (with a label-fraction study), and prediction with a saved"
            + " classifier (paper §3).",
    subcommands = {
      ClassifyProbeCommand.class,
      ClassifyFinetuneCommand.class,
      ClassifyPredictCommand.class
    })
final class ClassifyCommand {}
