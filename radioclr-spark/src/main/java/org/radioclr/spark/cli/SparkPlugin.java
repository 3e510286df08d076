package org.radioclr.spark.cli;

import org.radioclr.app.CommandPlugin;

/** Adds {@code radioclr spark} to the command line. */
public final class SparkPlugin implements CommandPlugin {
  /** slf4j-simple's level for everything not set otherwise (Spark logs its set-up at info). */
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /** Spark's and Hadoop's warnings that say nothing to a radioclr user (set-up notes). */
  private static final String[] QUIET = {
    "org.slf4j.simpleLogger.log.org.apache.spark.util.Utils",
    "org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader"
  };

  @Override
  public Object command() {
    quietLogging();
    return new SparkCommand();
  }

  /** Spark logs its set-up at info: warnings only, and none of the set-up notes, unless set. */
  static void quietLogging() {
    setIfAbsent(LOG_LEVEL, "warn");
    for (String logger : QUIET) {
      setIfAbsent(logger, "error");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
