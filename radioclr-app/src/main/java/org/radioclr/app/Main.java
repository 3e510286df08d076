package org.radioclr.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code radioclr} command line. Failures a user can cause end as one line on standard error
 * naming the file and the problem, with exit code 1; {@code --verbose} adds the stack trace.
 */
@Command(
    name = "radioclr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Self-supervised representation learning for radio-continuum survey images.",
    subcommands = {
      DemoCommand.class,
      InfoCommand.class,
      SimulateCommand.class,
      PreprocessCommand.class,
      AugmentPreviewCommand.class,
      CutoutsCommand.class,
      DatalistCommand.class,
      ModelCommand.class,
      TrainCommand.class,
      FeaturesCommand.class,
      ClassifyCommand.class,
      ProjectCommand.class,
      AnomalyCommand.class,
      SimilarCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show details, including stack traces of failures.")
  boolean verbose;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Missing command: try 'radioclr --help'.");
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable shown = ex;
          if (!(ex instanceof RadioclrException) && ex.getCause() instanceof RadioclrException) {
            shown = ex.getCause();
          }
          String message = shown.getMessage() == null ? shown.toString() : shown.getMessage();
          // Configuration records name the bad value in an IllegalArgumentException.
          boolean userError =
              shown instanceof RadioclrException || shown instanceof IllegalArgumentException;
          if (!userError) {
            message = "unexpected error: " + message;
          }
          err.println("radioclr: " + message);
          if (main.verbose) {
            ex.printStackTrace(err);
          } else if (!userError) {
            err.println("(run again with --verbose for details)");
          }
          err.flush();
          return 1;
        });
    return cli.execute(args);
  }

  public static void main(String[] args) {
    // plots and previews are drawn off screen: never look for a display
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Reports the build's version and the JVM it runs on. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "radioclr " + Version.get(),
        "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
      };
    }
  }
}
