package org.radioclr.serve.jobs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command the job service can run.
 *
 * @param name URL name, e.g. {@code anomaly-score}
 * @param command the words of the command line, e.g. {@code [anomaly, score]}
 * @param description the command's help text
 * @param options its options, positional parameters as {@code "args"}
 */
public record AppSpec(
    String name, List<String> command, String description, List<AppOption> options) {
  public AppSpec {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    description = description == null ? "" : description;
    options = List.copyOf(options);
  }

  /** The option named {@code name}. */
  public Optional<AppOption> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
