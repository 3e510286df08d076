package org.radioclr.serve.jobs;

import java.util.Objects;

/**
 * One option of an app, as the job API describes and checks it.
 *
 * @param name the option as typed, e.g. {@code --datalist}; {@code "args"} for the positional
 *     parameters
 * @param label the value's label, e.g. {@code D.json}
 * @param description the option's help text
 * @param required whether the app needs it
 * @param type {@code flag}, {@code path}, {@code paths}, {@code int}, {@code number} or {@code
 *     string}
 * @param role {@code input} (a file the job reads: it must name a file of the server), {@code
 *     output} (the server places it in the job's output folder) or {@code value}
 */
public record AppOption(
    String name, String label, String description, boolean required, String type, String role) {
  public AppOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    label = label == null ? "" : label;
    description = description == null ? "" : description;
  }

  /** Whether values name files the job reads. */
  public boolean isInput() {
    return role.equals("input");
  }

  /** Whether the value is placed in the job's output folder. */
  public boolean isOutput() {
    return role.equals("output");
  }
}
