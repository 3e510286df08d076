package org.radioclr.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr serve token}: users and their bearer tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Users of radioclr serve and their bearer tokens.",
    subcommands = {ServeTokenCommand.Add.class})
final class ServeTokenCommand {

  /** {@code radioclr serve token add NAME}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user (or give an existing one a new token; the old one stops working) and print"
            + " the token, once: the database keeps only its SHA-256."
      })
  static final class Add implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "User name (letters, digits, . _ -).")
    String name;

    @Option(
        names = "--admin",
        description = "An admin sees every user's ratings and jobs, and may register server paths.")
    boolean admin;

    @Option(
        names = "--db",
        paramLabel = "FILE",
        description = "The review database (default: review.sqlite).")
    Path db = Path.of("review.sqlite");

    @Override
    public Integer call() {
      if (!Users.NAME.matcher(name).matches()) {
        throw new BadOptionException(
            "NAME must be 1-64 letters, digits, '.', '_' or '-', got '" + name + "'");
      }
      String token;
      try (Database database = Database.open(db)) {
        token = new Users(database).addOrRenew(name, admin);
      }
      spec.commandLine().getOut().println(token);
      spec.commandLine()
          .getErr()
          .printf(
              "radioclr: token of %s%s stored (hashed) in %s; send it as"
                  + " 'Authorization: Bearer TOKEN' or paste it into the login page%n",
              name, admin ? " (admin)" : "", db);
      return 0;
    }
  }
}
