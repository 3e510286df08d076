package org.radioclr.serve.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link FakeApp} in a new JVM with the test class path. */
public final class FakeCatalog implements AppCatalog {
  @Override
  public List<AppSpec> apps() {
    return List.of(
        new AppSpec(
            "copy",
            List.of("copy"),
            "copies --in to --out",
            List.of(
                new AppOption("--in", "F", "input", true, "path", "input"),
                new AppOption("--out", "F", "output", true, "path", "output"))),
        new AppSpec(
            "sleep",
            List.of("sleep"),
            "sleeps",
            List.of(new AppOption("--seconds", "N", "how long", true, "int", "value"))),
        new AppSpec("fail", List.of("fail"), "fails", List.of()),
        // stand-ins for the review's run forms, with the real apps' option names and types
        new AppSpec(
            "anomaly-score",
            List.of("score"),
            "copies --features to --out",
            List.of(
                new AppOption("--features", "F", "features", true, "path", "input"),
                new AppOption("--trees", "N", "trees", false, "int", "value"),
                new AppOption("--max-samples", "M", "samples", false, "string", "value"),
                new AppOption("--columns", "SPEC", "columns", false, "string", "value"),
                new AppOption("--seed", "N", "seed", false, "int", "value"),
                new AppOption("--out", "F", "output", true, "path", "output"))),
        new AppSpec(
            "anomaly-export",
            List.of("export"),
            "copies --scores to --out/candidates.csv",
            List.of(
                new AppOption("--scores", "S", "scores", true, "path", "input"),
                new AppOption("--datalist", "D", "datalist", false, "path", "input"),
                new AppOption("--top", "N", "top", false, "int", "value"),
                new AppOption("--out", "DIR", "output", true, "path", "output"))));
  }

  @Override
  public List<String> processCommand(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(FakeApp.class.getName());
    cmd.addAll(args);
    return cmd;
  }
}
