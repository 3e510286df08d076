package org.radioclr.app;

import java.util.concurrent.Callable;
import org.radioclr.core.RadioclrException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code radioclr bench scale} where the radioclr-spark module is not on the class path: the
 * benchmark runs Spark, which only radioclr-spark brings ({@link CommandPlugin}); this stand-in
 * says so in one line. With radioclr-spark present its own {@code bench scale} takes the name.
 */
@Command(
    name = BenchScaleMissing.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Feature throughput of radioclr spark features on local Spark workers against the plain"
          + " command (frames/s and the ratio), and the core-hours of survey-size hulk sets.",
      "Needs the radioclr-spark module: ./radioclr bench scale builds and runs it (Maven profile"
          + " spark)."
    })
final class BenchScaleMissing implements Callable<Integer> {
  static final String NAME = "scale";

  @Unmatched String[] ignored; // whatever options were meant for the real benchmark

  @Override
  public Integer call() {
    throw new RadioclrException(
        "radioclr bench scale runs Spark and needs the radioclr-spark module, which is not on the"
            + " class path: run it through ./radioclr bench scale (which builds radioclr-spark with"
            + " the Maven profile spark) or java -jar radioclr-spark/target/radioclr-spark.jar"
            + " bench scale");
  }
}
