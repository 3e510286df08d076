package org.radioclr.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Main.execute(o, e, args);
    }
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * What a usage error prints (exit code 2): {@code radioclr CMD: PROBLEM; see 'radioclr CMD
   * --help'}.
   */
  static String usageError(String command, String problem) {
    return command + ": " + problem + "; see '" + command + " --help'\n";
  }
}
