package org.radioclr.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session of a job: embedded ({@code local[N]}: the driver runs the tasks on N
 * threads, no cluster needed) or on a cluster by its URL ({@code spark://host:7077}, {@code yarn},
 * {@code k8s://...}).
 */
public final class SparkSessions {
  /** The default master: embedded, one task per core. */
  public static final String LOCAL = "local[*]";

  private SparkSessions() {}

  /**
   * A new session (or the running one, re-configured, as Spark does).
   *
   * @param master a Spark master URL, or null for the one {@code spark-submit} gave (its system
   *     property {@code spark.master}), else {@value #LOCAL}
   * @param conf further Spark settings ({@code spark.executor.memory}, ...), applied last
   */
  public static SparkSession open(String master, String appName, Map<String, String> conf) {
    SparkSession.Builder b =
        SparkSession.builder()
            .master(master != null ? master : System.getProperty("spark.master", LOCAL))
            .appName(appName)
            // the web UI is for long cluster jobs; turn it on with --conf spark.ui.enabled=true
            .config("spark.ui.enabled", "false")
            // a frame failing is the job's business (it is skipped); a task failing is retried
            .config("spark.task.maxFailures", "4");
    conf.forEach(b::config);
    return b.getOrCreate();
  }
}
