package org.radioclr.serve;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.serve.db.Database;

/**
 * A review server in its own JVM, for the durability test: {@code ServeChild SCORES DATALIST DB
 * TMP} prints {@code PORT n} once it serves, then runs until killed.
 */
public final class ServeChild {
  private ServeChild() {}

  public static void main(String[] args) throws InterruptedException {
    ServeServer server =
        ServeServer.start(
            new ServeConfig(
                Path.of(args[0]), null, Path.of(args[1]), "127.0.0.1", 0, Path.of(args[3]), 1),
            Database.open(Path.of(args[2])),
            List.of());
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
