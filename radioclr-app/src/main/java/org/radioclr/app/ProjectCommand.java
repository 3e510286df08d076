package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.project.ProjectionJob;
import org.radioclr.classify.project.ProjectionMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr project}: a 2-D projection of a feature table as a coloured scatter plot. */
@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = {
      "Project the features of a table to 2-D and draw them (paper Fig. 4: UMAP of the encoder"
          + " features coloured by class; Fig. 5(g): coloured by the noise rms on a log scale).",
      "Methods: umap (default; on L2-normalised rows, 15 neighbours), pca (top-2 components of"
          + " the centred features) and tsne (L2-normalised rows reduced to 50 principal"
          + " components, perplexity 30, 1000 iterations; exact, so slow: about 100 s for 3000"
          + " rows). Projections by Smile 4.4.",
      "Colour: by the label column (default when the table has labels; unlabelled rows grey),"
          + " by any other column (numeric columns get a colour bar, --log for a log scale; text"
          + " columns a legend), or 'none'. Writes the PNG and the coordinates next to it"
          + " (P.csv: sname, x, y, colour value)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr project --features features.parquet --out umap.png",
      "  radioclr project --features features.parquet --method pca --color rms --log"
          + " --out pca-rms.png"
    })
final class ProjectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Option(
      names = "--method",
      paramLabel = "umap|pca|tsne",
      description = "Projection (default: ${DEFAULT-VALUE}).")
  String method = "umap";

  @Option(
      names = "--color",
      paramLabel = "label|COLUMN|none",
      description = "Colour points by this column (default: label when present, else none).")
  String color;

  @Option(names = "--log", description = "Logarithmic colour scale (numeric colour columns).")
  boolean log;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of UMAP and t-SNE (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--out", required = true, paramLabel = "P.png", description = "Plot to write.")
  Path out;

  @Override
  public Integer call() {
    ProjectionMethod m = BadOptionException.check(() -> ProjectionMethod.parse(method));
    ProjectionJob job = ProjectionJob.open(features.file, color, out);
    if (log && !job.numericColumn()) {
      throw new BadOptionException(
          "--log needs a numeric colour column, '"
              + (job.column() == null ? ProjectionJob.NONE : job.column())
              + "' is not one");
    }
    ProjectionJob.Result r =
        job.run(m, log, seed, ConsoleProgress.onStderr(spec.commandLine().getErr()));
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "%s of %d rows x %d features in %.1f s%s%n",
        m.cliName(),
        r.rows(),
        r.dimension(),
        r.seconds(),
        r.missing() > 0
            ? "; "
                + r.missing()
                + " rows without a "
                + (log ? "positive " : "")
                + "'"
                + r.column()
                + "' drawn grey"
            : "");
    o.println("wrote " + r.plot() + " and " + r.csv());
    return 0;
  }
}
