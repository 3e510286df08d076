package org.radioclr.app;

/**
 * A command that a module built on request adds to {@code radioclr} without the command line
 * depending on it: {@link Main} finds the plug-ins on the class path with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.radioclr.app.CommandPlugin}) and adds each
 * command as a subcommand of {@code radioclr} or of one of its commands ({@link #parent()}).
 * radioclr-spark adds {@code radioclr spark} and {@code radioclr bench scale} this way, so that
 * nothing outside it imports Spark.
 */
public interface CommandPlugin {
  /** A new picocli command object (a class annotated with {@code @Command}). */
  Object command();

  /**
   * The name of the {@code radioclr} command it belongs under (e.g. {@code "bench"}), or the empty
   * string (the default) for a command of its own.
   */
  default String parent() {
    return "";
  }
}
