package org.radioclr.serve;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.util.Map;

/** Routes added to the server besides the review's (the job service), closed with the server. */
public interface RouteModule extends AutoCloseable {
  /** Registers the routes. */
  void register(RoutesConfig routes);

  /**
   * Learns the files of the project the server reviews, by name ({@code project/scores}, {@code
   * project/features}, ...), before any request; the job service lets every user name them as job
   * inputs. Nothing by default.
   */
  default void shareProjectFiles(Map<String, Path> files) {}

  /** Whether this module runs jobs (the review then shows its "run" forms). */
  default boolean runsJobs() {
    return false;
  }

  @Override
  void close();
}
