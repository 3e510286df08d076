package org.radioclr.spark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.radioclr.app.Main;

/**
 * One in-process run of the command line (with radioclr-spark's plug-ins), with what it printed.
 */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun of(List<String> args) {
    return of(args.toArray(String[]::new));
  }
}
