package org.radioclr.serve.jobs;

import java.util.List;

/**
 * A job as stored.
 *
 * @param id job id
 * @param userId owner
 * @param app the app's name
 * @param argv the resolved {@code radioclr} arguments the process runs with
 * @param request the client's request as JSON text
 * @param state {@code queued}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param exitCode the process's exit code, null until it ends
 * @param message why it failed or was cancelled, or null
 * @param submitted ISO-8601 time
 * @param started ISO-8601 time, or null
 * @param finished ISO-8601 time, or null
 */
public record Job(
    String id,
    long userId,
    String app,
    List<String> argv,
    String request,
    String state,
    Integer exitCode,
    String message,
    String submitted,
    String started,
    String finished) {

  /** The states a job ends in. */
  public static final List<String> FINAL = List.of("done", "failed", "cancelled");

  public Job {
    argv = List.copyOf(argv);
  }

  /** Whether the job has ended. */
  public boolean ended() {
    return FINAL.contains(state);
  }
}
