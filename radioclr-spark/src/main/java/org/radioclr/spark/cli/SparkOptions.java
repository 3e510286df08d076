package org.radioclr.spark.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.radioclr.spark.SparkSessions;
import picocli.CommandLine.Option;

/** The options of every Spark command: where to run and Spark's own settings. */
final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master: local[N] (embedded, N cores; local[N,F] retries a failed task F-1"
              + " times), spark://host:7077, yarn, k8s://... (default: spark-submit's --master,"
              + " else "
              + SparkSessions.LOCAL
              + ").")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "A Spark setting, e.g. spark.executor.memory=4g or spark.task.cpus=2 (repeatable).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Partitions (tasks) of the job (default: one per core, at most 512 frames each).")
  int partitions;

  SparkSession open(String appName) {
    return SparkSessions.open(master, appName, conf);
  }
}
