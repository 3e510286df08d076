package org.radioclr.app;

/**
 * Raises libraries' log level to WARN (slf4j-simple's {@code org.slf4j.simpleLogger.log.NAME}), for
 * the commands that print their own lines: Javalin and Jetty tell of every start step at INFO,
 * Smile of every tree it grows. A level set on the command line ({@code -D}) is kept.
 */
final class QuietLoggers {
  private QuietLoggers() {}

  /** Sets each logger (a name prefix, e.g. {@code "smile"}) to WARN unless already set. */
  static void warnOnly(String... loggers) {
    for (String logger : loggers) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }
}
