package org.radioclr.spark.cli;

import org.radioclr.app.CommandPlugin;

/**
 * Adds {@code radioclr bench scale} (local Spark against the plain command) to the command line.
 */
public final class BenchScalePlugin implements CommandPlugin {
  @Override
  public Object command() {
    SparkPlugin.quietLogging();
    return new BenchScaleCommand();
  }

  @Override
  public String parent() {
    return "bench";
  }
}
