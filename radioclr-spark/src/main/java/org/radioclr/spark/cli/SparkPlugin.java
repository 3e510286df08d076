package org.radioclr.spark.cli;

import org.radioclr.app.CommandPlugin;

/** Adds {@code radioclr spark} to the command line. */
public final class SparkPlugin implements CommandPlugin {
  /** slf4j-simple's level for everything not set otherwise (Spark logs its set-up at info). */
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  @Override
  public Object command() {
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    return new SparkCommand();
  }
}
