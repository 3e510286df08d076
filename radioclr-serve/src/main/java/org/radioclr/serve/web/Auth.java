package org.radioclr.serve.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import org.radioclr.serve.db.User;
import org.radioclr.serve.db.Users;

/**
 * Who is asking: the bearer token of the {@code Authorization} header, or (for the pages in a
 * browser) the same token in the {@value #COOKIE} cookie set by the login page ({@code HttpOnly},
 * {@code SameSite=Strict}, so other sites cannot send requests with it).
 */
public final class Auth {
  /** The login cookie. */
  public static final String COOKIE = "radioclr_token";

  private static final String ATTRIBUTE = "radioclr.user";

  private final Users users;

  public Auth(Users users) {
    this.users = users;
  }

  /** The token of the request, if any. */
  public static Optional<String> token(Context ctx) {
    String h = ctx.header("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(h.substring(7).strip());
    }
    return Optional.ofNullable(ctx.cookie(COOKIE));
  }

  /** Finds the user of the request and remembers it; empty when no valid token came. */
  public Optional<User> identify(Context ctx) {
    Optional<User> u = token(ctx).flatMap(users::byToken);
    u.ifPresent(user -> ctx.attribute(ATTRIBUTE, user));
    return u;
  }

  /**
   * Lets a request without a valid token in as {@link User#ANONYMOUS} (read-only access: the caller
   * allows it for GET and HEAD only).
   */
  public static void admitAnonymous(Context ctx) {
    ctx.attribute(ATTRIBUTE, User.ANONYMOUS);
  }

  /** The user found by {@link #identify}; 401 when there is none. */
  public static User user(Context ctx) {
    User u = ctx.attribute(ATTRIBUTE);
    if (u == null) {
      throw new HttpResponseException(401, "a valid bearer token is required");
    }
    return u;
  }

  /**
   * The user found by {@link #identify}, for a request that writes: 401 for none and for {@link
   * User#ANONYMOUS}.
   */
  public static User writer(Context ctx) {
    User u = user(ctx);
    if (u.anonymous()) {
      throw new HttpResponseException(401, "a valid bearer token is required to change anything");
    }
    return u;
  }
}
