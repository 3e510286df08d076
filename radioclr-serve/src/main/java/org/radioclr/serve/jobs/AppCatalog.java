package org.radioclr.serve.jobs;

import java.util.List;
import java.util.Optional;

/**
 * What the job service may run and how to start it. The command line module supplies it (serve
 * cannot see the commands): the schema comes from the picocli model, and {@link #processCommand}
 * starts a {@code radioclr} process (this JVM's {@code java}, class path and main class).
 */
public interface AppCatalog {
  /** The apps, by name. */
  List<AppSpec> apps();

  /** The app named {@code name}. */
  default Optional<AppSpec> app(String name) {
    return apps().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The full process command line running {@code radioclr ARGS...}. */
  List<String> processCommand(List<String> args);
}
