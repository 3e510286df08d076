package org.radioclr.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistSummary;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr datalist}: work with datalists (the paper software's JSON image lists). */
@Command(
    name = "datalist",
    mixinStandardHelpOptions = true,
    description =
        "Work with datalists ({\"data\":[{\"filepaths\":[...],\"sname\":...,\"label\":...}]}).",
    subcommands = {DatalistCommand.Check.class})
final class DatalistCommand {

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a datalist: every file exists and loads as a FITS image, channels of an entry"
            + " have the same shape, entries have the same number of channels, snames are unique;"
            + " then summarise it (entries, counts per label).",
        "Exits with 1 when a problem was found."
      },
      footer = {"", "Example:", "  radioclr datalist check hulk/datalist.json"})
  static final class Check implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "D.json", description = "The datalist.")
    Path datalist;

    @Option(names = "--no-load", description = "Only check that files exist (faster).")
    boolean noLoad;

    @Option(
        names = "--max-listed",
        paramLabel = "N",
        description = "Problems listed at most (default: 20).")
    int maxListed = 20;

    @Override
    public Integer call() {
      DatalistSummary summary =
          DatalistSummary.check(datalist, noLoad ? DatalistSummary.EntryCheck.NONE : Check::loads);
      spec.commandLine().getOut().println(summary.format(maxListed));
      return summary.isClean() ? 0 : 1;
    }

    /** Every file of the entry loads, and all have the same shape. */
    static List<String> loads(DatalistEntry entry) {
      List<String> problems = new ArrayList<>();
      String shape = null;
      for (Path f : entry.files()) {
        try {
          FitsImage image = FitsReader.read(f);
          String s = image.width() + "x" + image.height();
          if (shape == null) {
            shape = s;
          } else if (!shape.equals(s)) {
            problems.add(f + ": shape " + s + " differs from the entry's first channel " + shape);
          }
        } catch (BadInputException e) {
          problems.add(e.getMessage());
        }
      }
      return problems;
    }
  }
}
