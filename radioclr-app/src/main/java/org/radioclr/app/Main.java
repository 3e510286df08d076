package org.radioclr.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code radioclr} command line. Failures a user can cause end as one line on standard error
 * naming the file and the problem, with exit code 1; a command line the command cannot use (an
 * unknown option, a missing or bad value) as one line naming the command, the problem and its
 * {@code --help}, with exit code 2. Running out of memory says how to give Java more; anything else
 * is an internal error, to be reported. {@code --verbose} adds the stack trace.
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
      DetectCommand.class,
      SimilarCommand.class,
      MergeCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class,
      EvaluateCommand.class
    })
public final class Main implements Runnable {

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Show details: each image a job skips (besides the one summary line and the list"
              + " file), and stack traces of failures.")
  boolean verbose;

  /**
   * Whether {@code --verbose} was given (it is inherited, so it may follow any subcommand); false
   * when the command does not run under {@link Main}.
   */
  public static boolean verbose(CommandLine.Model.CommandSpec spec) {
    return spec != null && spec.root().userObject() instanceof Main m && m.verbose;
  }

  /** Prints {@code radioclr: warning: MESSAGE} (one line; callable from several threads). */
  public static void warn(PrintWriter err, String message) {
    synchronized (err) {
      err.println("radioclr: warning: " + message);
      err.flush();
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
  }

  /** Exit code of a failed job (bad input, internal error, out of memory). */
  static final int FAILED = 1;

  /** Exit code of a command line the command cannot use (picocli's code for invalid input). */
  static final int USAGE = 2;

  /** Runs the command line and returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    for (CommandPlugin plugin : ServiceLoader.load(CommandPlugin.class)) {
      CommandLine parent =
          plugin.parent().isEmpty() ? cli : cli.getSubcommands().get(plugin.parent());
      if (parent == null) {
        throw new IllegalStateException(
            plugin.getClass().getName() + ": no command '" + plugin.parent() + "'");
      }
      parent.addSubcommand(plugin.command());
    }
    CommandLine bench = cli.getSubcommands().get("bench");
    if (!bench.getSubcommands().containsKey(BenchScaleMissing.NAME)) {
      bench.addSubcommand(new BenchScaleMissing());
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> usageError(ex.getCommandLine(), problem(ex, arguments), err));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> failed(ex, commandLine, main.verbose, err));
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; an Error (out of memory, a stack overflow,
      // a missing native library) leaves execute() as is.
      return failed(e, ran(cli), main.verbose, err);
    }
  }

  /** The (sub)command that ran: the last one of the command line picocli parsed. */
  private static CommandLine ran(CommandLine cli) {
    CommandLine.ParseResult r = cli.getParseResult();
    if (r == null) {
      return cli;
    }
    while (r.hasSubcommand()) {
      r = r.subcommand();
    }
    return r.commandSpec().commandLine();
  }

  /**
   * Reports a command line the command cannot use: one line naming the command, the problem and
   * where its help is, e.g. {@code radioclr train simclr: unknown option '--epoch' (did you mean
   * --epochs?); see 'radioclr train simclr --help'}.
   */
  private static int usageError(CommandLine command, String problem, PrintWriter err) {
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + problem + "; see '" + name + " --help'");
    err.flush();
    return USAGE;
  }

  /**
   * The problem of a parse error: the command's own wording of options of an exclusive group given
   * together ({@link ExclusiveOptions}), else picocli's ({@link
   * #problem(CommandLine.ParameterException)}).
   */
  static String problem(CommandLine.ParameterException ex, String[] arguments) {
    CommandLine command = ex.getCommandLine();
    if ((ex instanceof CommandLine.MutuallyExclusiveArgsException
            || ex instanceof CommandLine.MaxValuesExceededException)
        && command.getCommand() instanceof ExclusiveOptions exclusive) {
      List<String> given = new ArrayList<>();
      for (String arg : arguments) {
        int eq = arg.indexOf('=');
        String name = eq > 0 ? arg.substring(0, eq) : arg;
        CommandLine.Model.OptionSpec option =
            name.startsWith("-") ? command.getCommandSpec().findOption(name) : null;
        if (option != null && !given.contains(option.longestName())) {
          given.add(option.longestName());
        }
      }
      return exclusive.conflict(given);
    }
    return problem(ex);
  }

  /** picocli's description of a parse error, as a clause to follow the command's name. */
  static String problem(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      String what;
      if (u.isUnknownOption()) {
        what = "unknown option '" + first + "'";
      } else if (!ex.getCommandLine().getSubcommands().isEmpty()) {
        what = "unknown command '" + first + "'";
      } else {
        what = "unexpected argument '" + first + "'";
      }
      List<String> close = u.getSuggestions();
      if (!close.isEmpty()) {
        what +=
            " (did you mean "
                + String.join(" or ", close.subList(0, Math.min(3, close.size())))
                + "?)";
      }
      return what;
    }
    String m = ex.getMessage() == null ? ex.toString() : ex.getMessage().strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl).strip();
    }
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    // picocli's messages are sentences ("Missing required option: '--out=DIR'"); ours are clauses.
    if (m.length() > 1
        && Character.isUpperCase(m.charAt(0))
        && Character.isLowerCase(m.charAt(1))) {
      m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
    return m;
  }

  /**
   * Reports a failed job. A user error (a {@link RadioclrException}: bad input, a bad option value)
   * is its one-line message; running out of memory says how much heap there was and how to give
   * more; anything else is an internal error, to be reported. {@code --verbose} adds the stack
   * trace.
   */
  static int failed(Throwable ex, CommandLine command, boolean verbose, PrintWriter err) {
    OutOfMemoryError oom = find(ex, OutOfMemoryError.class);
    RadioclrException user = find(ex, RadioclrException.class);
    int code = FAILED;
    if (oom != null) {
      err.println(
          "radioclr: "
              + outOfMemory(
                  oom,
                  command.getCommandSpec().qualifiedName(),
                  Runtime.getRuntime().maxMemory(),
                  physicalMemory()));
    } else if (user instanceof BadOptionException) {
      code = usageError(command, user.getMessage(), err);
    } else if (user != null) {
      err.println("radioclr: " + user.getMessage());
    } else {
      err.println(
          "radioclr: internal error: "
              + describe(ex)
              + (verbose
                  ? " (please report it, with the stack trace below)"
                  : " (run again with --verbose for the stack trace; please report it)"));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** The first throwable of type {@code type} in {@code ex}'s chain of causes, or null. */
  private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
    int depth = 0;
    for (Throwable t = ex; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** An unexpected failure in a few words: its type and message, or its cause's. */
  private static String describe(Throwable ex) {
    Throwable t = ex;
    // picocli's and the executors' wrappers say nothing of their own
    while ((t instanceof CommandLine.ExecutionException
            || t instanceof java.util.concurrent.ExecutionException
            || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String type = t.getClass().getSimpleName();
    return t.getMessage() == null ? type : type + ": " + t.getMessage().strip();
  }

  /**
   * What to say when a job ran out of memory: how much heap it had and how to give it more.
   *
   * @param command the command as typed, e.g. {@code radioclr bench similar}
   * @param maxHeap {@link Runtime#maxMemory()}
   * @param physical the machine's memory in bytes, or 0 when unknown
   */
  static String outOfMemory(OutOfMemoryError oom, String command, long maxHeap, long physical) {
    String kind = oom.getMessage() == null ? "" : " (" + oom.getMessage() + ")";
    String how = "RADIOCLR_JAVA_OPTS=-Xmx";
    if (maxHeap == Long.MAX_VALUE) {
      return "ran out of memory" + kind + "; give Java more heap with " + how + "<size>";
    }
    long gib = 1L << 30;
    long want = Math.max(2, (2 * maxHeap + gib - 1) / gib);
    if (physical > 0) {
      want = Math.min(want, physical * 3 / 4 / gib);
    }
    String had =
        maxHeap < gib
            ? (maxHeap >> 20) + " MiB"
            : String.format(Locale.ROOT, "%.1f GiB", maxHeap / (double) gib);
    if (want * gib <= maxHeap) {
      return "ran out of memory"
          + kind
          + " with "
          + had
          + " of Java heap, about as much as this machine can give; make the job smaller";
    }
    return "ran out of memory"
        + kind
        + " with "
        + had
        + " of Java heap; give it more with "
        + how
        + want
        + "g, e.g. "
        + how
        + want
        + "g ./"
        + command
        + " ...";
  }

  /** The machine's memory in bytes, or 0 when the JVM does not say. */
  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
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
