package org.radioclr.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.radioclr.serve.jobs.AppCatalog;
import org.radioclr.serve.jobs.AppOption;
import org.radioclr.serve.jobs.AppSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands {@code radioclr serve} may run as jobs, with their option schema read from the
 * picocli model (every leaf command but {@code serve}, {@code demo}, {@code bench} and {@code
 * help}), each started as {@code java -cp CLASSPATH org.radioclr.app.Main ARGS} with this JVM's
 * {@code java} and class path. A path option is an output when it is {@code --out} or names a file
 * to save ({@code --save-*}, {@code --report}), otherwise an input.
 */
final class ServeApps implements AppCatalog {
  private static final Set<String> EXCLUDED = Set.of("serve", "demo", "bench", "help");
  private static final Set<String> SKIPPED_OPTIONS =
      Set.of("--help", "--version", "--verbose", "-h", "-V", "-v");

  private final List<AppSpec> apps;

  ServeApps() {
    List<AppSpec> out = new ArrayList<>();
    collect(new CommandLine(new Main()), List.of(), out);
    this.apps = List.copyOf(out);
  }

  @Override
  public List<AppSpec> apps() {
    return apps;
  }

  @Override
  public List<String> processCommand(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(args);
    return cmd;
  }

  private static void collect(CommandLine cli, List<String> words, List<AppSpec> out) {
    for (var e : cli.getSubcommands().entrySet()) {
      String name = e.getKey();
      CommandLine sub = e.getValue();
      if (!sub.getCommandName().equals(name) || (words.isEmpty() && EXCLUDED.contains(name))) {
        continue; // an alias, or a command that is not a job
      }
      List<String> w = new ArrayList<>(words);
      w.add(name);
      if (sub.getSubcommands().isEmpty()) {
        out.add(spec(sub.getCommandSpec(), w));
      } else {
        collect(sub, w, out);
      }
    }
  }

  private static AppSpec spec(CommandSpec spec, List<String> words) {
    List<AppOption> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      String name = o.longestName();
      if (SKIPPED_OPTIONS.contains(name) || o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String type = type(o);
      String role =
          type.startsWith("path")
              ? (name.equals("--out") || name.startsWith("--save") || name.equals("--report")
                  ? "output"
                  : "input")
              : "value";
      // an option of a group (e.g. anomaly export's --top | --threshold) is required only with
      // or instead of the group's others: the schema leaves it optional, the command checks it
      String description = String.join(" ", o.description());
      if (o.group() != null) {
        description +=
            (o.group().exclusive() ? " (one of " : " (together with ")
                + o.group().args().stream()
                    .filter(a -> a instanceof OptionSpec)
                    .map(a -> ((OptionSpec) a).longestName())
                    .toList()
                + ")";
      }
      options.add(
          new AppOption(
              name, o.paramLabel(), description, o.required() && o.group() == null, type, role));
    }
    List<PositionalParamSpec> positional = spec.positionalParameters();
    if (!positional.isEmpty()) {
      PositionalParamSpec p = positional.get(0);
      String type = type(p);
      options.add(
          new AppOption(
              "args",
              p.paramLabel(),
              String.join(" ", p.description()),
              p.required(),
              type.startsWith("path") ? "paths" : "string",
              type.startsWith("path") ? "input" : "value"));
    }
    return new AppSpec(
        String.join("-", words),
        words,
        String.join(" ", spec.usageMessage().description()),
        options);
  }

  private static String type(ArgSpec a) {
    Class<?> t = a.type();
    boolean many = a.isMultiValue();
    Class<?> element = many && a.auxiliaryTypes().length > 0 ? a.auxiliaryTypes()[0] : t;
    if (t == boolean.class || t == Boolean.class) {
      return "flag";
    }
    if (element == Path.class) {
      return many ? "paths" : "path";
    }
    if (element == int.class
        || element == Integer.class
        || element == long.class
        || element == Long.class) {
      return "int";
    }
    if (element == double.class
        || element == Double.class
        || element == float.class
        || element == Float.class) {
      return "number";
    }
    return "string";
  }
}
