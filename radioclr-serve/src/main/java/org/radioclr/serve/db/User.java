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
  /**
   * Who a GET without a token is when the server allows read-only access ({@code --public-read}):
   * id 0, which no stored user has, so no rating, file or job is theirs.
   */
  public static final User ANONYMOUS = new User(0, "anonymous", false);

  public User {
    Objects.requireNonNull(name, "name");
  }

  /** Whether this is {@link #ANONYMOUS}, who may only read. */
  public boolean anonymous() {
    return id == ANONYMOUS.id;
  }
}
