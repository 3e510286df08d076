package org.radioclr.serve.db;

import java.util.Objects;

/**
 * A user of the server.
 *
 * @param id database id
 * @param name unique name, shown next to each rating and job
 * @param admin whether the user sees every user's ratings and jobs and may register server paths
 */
public record User(long id, String name, boolean admin) {
  public User {
    Objects.requireNonNull(name, "name");
  }
}
