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
        new AppSpec("fail", List.of("fail"), "fails", List.of()));
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
