package org.radioclr.serve;

import io.javalin.config.RoutesConfig;

/** Routes added to the server besides the review's (the job service), closed with the server. */
public interface RouteModule extends AutoCloseable {
  /** Registers the routes. */
  void register(RoutesConfig routes);

  @Override
  void close();
}
