package org.radioclr.serve.jobs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker pool: at most {@code workers} jobs run at once, each as a separate process started by
 * the {@link AppCatalog} in its own folder {@code DATA/jobs/ID} (outputs in {@code out/}, standard
 * output and error in {@code job.log}). Jobs survive a restart: on {@link #start} a job still
 * marked running (the server died under it) is marked failed, and the queued ones run. Cancelling
 * stops a queued job at once and a running one's process (politely, then forcibly after {@value
 * #GRACE_SECONDS} s).
 */
public final class JobRunner implements AutoCloseable {
  /** Seconds a cancelled process has to stop before it is killed. */
  public static final int GRACE_SECONDS = 5;

  private static final String POISON = "";
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

  private final JobStore store;
  private final AppCatalog catalog;
  private final Path jobsDir;
  private final int workers;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final Map<String, Process> running = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closing;

  public JobRunner(JobStore store, AppCatalog catalog, Path jobsDir, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
    }
    this.store = store;
    this.catalog = catalog;
    this.jobsDir = jobsDir;
    this.workers = workers;
  }

  /** The folder of a job. */
  public Path folder(String id) {
    return jobsDir.resolve(SafePaths.fileName(id));
  }

  /** The output folder of a job. */
  public Path outputs(String id) {
    return folder(id).resolve("out");
  }

  /** The log of a job. */
  public Path log(String id) {
    return folder(id).resolve("job.log");
  }

  /** Recovers the jobs of an earlier run and starts the workers. */
  public void start() {
    for (Job j : store.inState("running")) {
      store.transition(j.id(), "running", "failed", null, "the server stopped while the job ran");
    }
    for (Job j : store.inState("queued")) {
      queue.add(j.id());
    }
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(this::work, "radioclr-job-worker-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  /** Creates the folders of a new job. */
  public void prepare(String id) {
    try {
      Files.createDirectories(outputs(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of job " + id, e);
    }
  }

  /** Removes the (empty) folders of a job that was refused. */
  public void discard(String id) {
    try {
      Files.deleteIfExists(outputs(id));
      Files.deleteIfExists(folder(id));
    } catch (IOException e) {
      // a refused job's empty folder left behind does no harm
    }
  }

  /** Queues a stored job. */
  public void submit(Job job) {
    prepare(job.id());
    queue.add(job.id());
  }

  /** Cancels a job; returns false when it had already ended. */
  public boolean cancel(String id) {
    if (store.transition(id, "queued", "cancelled", null, "cancelled before it started")) {
      return true;
    }
    if (store.transition(id, "running", "cancelled", null, "cancelled while running")) {
      // a job marked running whose process is not registered yet is stopped by its worker
      Process p = running.get(id);
      if (p != null) {
        stop(p);
      }
      return true;
    }
    return false;
  }

  private static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last percentage the job's log reported, if any. */
  public OptionalDouble progress(String id) {
    Path log = log(id);
    if (!Files.isRegularFile(log)) {
      return OptionalDouble.empty();
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 4096);
      byte[] tail = new byte[n];
      f.seek(len - n);
      f.readFully(tail);
      Matcher m = PERCENT.matcher(new String(tail, StandardCharsets.UTF_8));
      double last = -1;
      while (m.find()) {
        last = Math.min(100, Integer.parseInt(m.group(1)));
      }
      return last < 0 ? OptionalDouble.empty() : OptionalDouble.of(last / 100);
    } catch (IOException e) {
      return OptionalDouble.empty();
    }
  }

  private void work() {
    while (true) {
      String id;
      try {
        id = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (id.equals(POISON)) {
        return;
      }
      try {
        run(id);
      } catch (RuntimeException e) {
        // the database went away (the server is closing): the job is recovered on the next start
        if (closing) {
          return;
        }
        System.err.println("radioclr serve: job " + id + ": " + e.getMessage());
      }
    }
  }

  private void run(String id) {
    Job job = store.get(id).orElse(null);
    if (job == null || !store.transition(id, "queued", "running", null, null)) {
      return;
    }
    Process p;
    try {
      Files.createDirectories(outputs(id));
      ProcessBuilder b =
          new ProcessBuilder(catalog.processCommand(job.argv()))
              .directory(folder(id).toFile())
              .redirectErrorStream(true)
              .redirectOutput(log(id).toFile());
      p = b.start();
    } catch (IOException | RuntimeException e) {
      store.transition(id, "running", "failed", null, "could not start: " + e.getMessage());
      return;
    }
    running.put(id, p);
    if (store.get(id).filter(j -> j.state().equals("cancelled")).isPresent()) {
      stop(p); // cancelled between being marked running and being registered
    }
    try {
      int code = p.waitFor();
      if (code == 0) {
        store.transition(id, "running", "done", code, null);
      } else {
        store.transition(id, "running", "failed", code, "exit code " + code + "; see the log");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      store.transition(id, "running", "failed", null, "the server stopped while the job ran");
      Thread.currentThread().interrupt();
    } finally {
      running.remove(id);
    }
  }

  /** Stops the workers; running processes are killed and their jobs left for {@link #start}. */
  @Override
  public void close() {
    closing = true;
    queue.clear();
    for (int i = 0; i < threads.size(); i++) {
      queue.add(POISON);
    }
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS * 2L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
