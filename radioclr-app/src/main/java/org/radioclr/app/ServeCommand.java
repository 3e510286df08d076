package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.jobs.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr serve}: the review web app and the REST job service. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the astronomer-in-the-loop review of an anomaly search: a grid of candidates by score,"
          + " a detail view (the paper's three channels, zscale/asinh/linear, pan/zoom, RA/Dec,"
          + " NED/CDS links, FITS download), ratings 0-5 by keyboard, tags, notes and undo, each"
          + " stored as an event in the SQLite database --db; a learned ranking (astronomaly's"
          + " NeighbourScore) retrained from your ratings; export of the rated set (CSV, VOTable,"
          + " DS9 regions).",
      "The same server runs radioclr's commands as jobs through a REST API under /api/v1"
          + " (upload files, submit, status, log, cancel, outputs; see /api/v1/openapi.yaml), each"
          + " a separate process in its own folder next to the database (review.sqlite.d), at"
          + " most --workers at once; jobs survive a restart.",
      "Every request needs a bearer token (make one with 'radioclr serve token add NAME'), or"
          + " with --public-read every write does and reading needs none. The"
          + " server binds 127.0.0.1 unless --host says otherwise; put a reverse proxy with TLS in"
          + " front of it to serve others."
    },
    subcommands = {ServeTokenCommand.class},
    footer = {
      "",
      "Examples:",
      "  radioclr serve token add alice --db review.sqlite",
      "  radioclr serve --scores scores.parquet --features features.parquet"
          + " --datalist sim/sets/anomaly/datalist.json --db review.sqlite --port 8080"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scores",
      paramLabel = "S.parquet|S.csv",
      description = "Score table (radioclr anomaly score).")
  Path scores;

  @Option(
      names = "--features",
      paramLabel = "F.parquet|F.csv",
      description = "The feature table the scores came from (for the learned ranking).")
  Path features;

  @Option(
      names = "--projection",
      paramLabel = "P.csv",
      description =
          "2-D coordinates for the embedding view: the P.csv that 'radioclr project --out P.png'"
              + " writes (sname,x,y; UMAP, PCA or t-SNE) of the same feature table (default: a PCA"
              + " of --features).")
  Path projection;

  @Option(
      names = "--datalist",
      paramLabel = "D.json",
      description = "The datalist that made the features (frames by sname).")
  Path datalist;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "The review database (SQLite; made when absent; default: review.sqlite).")
  Path db = Path.of("review.sqlite");

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description = "Address to bind (default: 127.0.0.1, this machine only).")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default: 8080; 0 picks a free one).")
  int port = 8080;

  @Option(
      names = "--max-upload-mb",
      paramLabel = "MB",
      description = "Largest upload in MiB (default: 512).")
  long maxUploadMb = 512;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the learned ranking.")
  long seed = 42;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Jobs run at once, each a separate radioclr process (default: 2).")
  int workers = 2;

  @Option(
      names = "--allow-path",
      paramLabel = "DIR",
      description =
          "A server folder whose files an admin may register for jobs without uploading them"
              + " (repeatable; none by default).")
  List<Path> allowedPaths = new ArrayList<>();

  @Option(
      names = "--public-read",
      description =
          "Serve GET requests without a token, read only: the ranking by raw score, images, FITS,"
              + " the embedding and the app list, but no one's ratings, files or jobs. Rating,"
              + " uploads and jobs still need a token.")
  boolean publicRead;

  @Override
  public Integer call() throws InterruptedException {
    if (scores == null || datalist == null) {
      throw new BadOptionException(
          "needs --scores and --datalist (and --features for the learned ranking)");
    }
    if (maxUploadMb < 1) {
      throw new BadOptionException("--max-upload-mb must be >= 1, got " + maxUploadMb);
    }
    if (workers < 1) {
      throw new BadOptionException("--workers must be >= 1, got " + workers);
    }
    // this command prints its own one line; "Retrain" grows a Smile forest
    QuietLoggers.warnOnly("io.javalin", "org.eclipse.jetty", "smile");
    Path dataDir = dataDir(db);
    Database database = Database.open(db);
    ServeServer server;
    JobService jobs = null;
    try {
      jobs =
          new JobService(
              database, new ServeApps(), dataDir, workers, maxUploadMb << 20, allowedPaths);
      server =
          ServeServer.start(
              new ServeConfig(scores, features, datalist, host, port, dataDir.resolve("tmp"), seed)
                  .withPublicRead(publicRead)
                  .withProjection(projection),
              database,
              List.of(jobs));
    } catch (RuntimeException e) {
      if (jobs != null) {
        jobs.close();
      }
      database.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "radioclr serve: http://%s:%d/ (database %s%s); Ctrl-C stops%n",
        host.contains(":") ? "[" + host + "]" : host,
        server.port(),
        db,
        publicRead ? "; reading needs no token" : "");
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }

  /** The server's own folder next to the database: {@code review.sqlite.d}. */
  static Path dataDir(Path db) {
    Path abs = db.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + ".d");
  }
}
