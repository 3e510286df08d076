package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.formats.table.FeatureTable;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;

/**
 * The shard contract end to end: for each sharded command, 3 shards merged give the output of one
 * process (row by row); a rerun shard replaces its part; bad --shard values and incomplete or
 * mismatched part sets are one clear error.
 */
class ShardCommandsTest {
  private static final int N = 3;

  @TempDir static Path dir;
  static Path map1;
  static Path map2;
  static Path catalogue;
  static Path hulk; // the one-process hulk data set of both maps
  static Path model;

  @BeforeAll
  static void simulate() {
    // two tiny fields, both map.fits: the frame names of the second get a -2 suffix
    Simulator.Field f1 =
        new Simulator(
                new SimulationConfig(SimPreset.TINY, 3, false, false, 1), ProgressListener.NONE)
            .run(dir.resolve("sim1"))
            .fields()
            .get(0);
    map1 = f1.map();
    catalogue = f1.catalogue();
    map2 =
        new Simulator(
                new SimulationConfig(SimPreset.TINY, 4, false, false, 1), ProgressListener.NONE)
            .run(dir.resolve("sim2"))
            .fields()
            .get(0)
            .map();
    hulk = dir.resolve("hulk");
    ok(hulkArgs(hulk, null));
    model = dir.resolve("ckpt"); // the standard stem at 32 px: cheap
    ok(
        "model",
        "init",
        "--out",
        model.toString(),
        "--image-size",
        "32",
        "--stem",
        "standard",
        "--seed",
        "5");
  }

  private static String[] hulkArgs(Path out, String shard) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "cutouts",
                "hulk",
                map1.toString(),
                map2.toString(),
                "--size",
                "96",
                "--out",
                out.toString()));
    if (shard != null) {
      a.addAll(List.of("--shard", shard));
    }
    return a.toArray(String[]::new);
  }

  private static CliRun ok(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.err());
    return r;
  }

  /** Runs shards 0..N-1 of a command line (without --shard). */
  private static void shards(String... args) {
    for (int i = 0; i < N; i++) {
      List<String> a = new ArrayList<>(List.of(args));
      a.addAll(List.of("--shard", i + "/" + N));
      ok(a.toArray(String[]::new));
    }
  }

  /** Every file under a folder (relative name → bytes' text), part files left out. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (!name.contains(".part-") && !name.endsWith("provenance.json")) {
          out.put(name, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }

  @Test
  void hulkShardsMergeIntoTheOneProcessDataSetAndARerunReplacesItsPart() throws IOException {
    Path sharded = dir.resolve("hulk-sharded");
    for (int i = 0; i < N; i++) {
      ok(hulkArgs(sharded, i + "/" + N));
    }
    CliRun merge = ok("merge", "--out", sharded.resolve("datalist.json").toString());
    assertTrue(merge.out().startsWith("merged 3 parts, "), merge.out());
    assertEquals(files(hulk), files(sharded)); // the datalist byte for byte, and every frame
    // a failed shard is rerun alone: it replaces its own part, whatever was there
    Path part1 = new Shard(1, N).partOf(sharded.resolve("datalist.json"));
    String before = Files.readString(part1);
    Files.writeString(part1, "half a datalist");
    ok(hulkArgs(sharded, "1/" + N));
    assertEquals(before, Files.readString(part1));
  }

  @Test
  void bannerShardsMergeIntoTheOneProcessDataSet() throws IOException {
    Path one = dir.resolve("banner");
    Path sharded = dir.resolve("banner-sharded");
    String[] args = {
      "cutouts", "banner", map1.toString(), "--catalog", catalogue.toString(), "--out", ""
    };
    args[args.length - 1] = one.toString();
    ok(args);
    args[args.length - 1] = sharded.toString();
    shards(args);
    ok(
        "merge",
        new Shard(2, N).partOf(sharded.resolve("datalist.json")).toString(),
        new Shard(0, N).partOf(sharded.resolve("datalist.json")).toString(),
        new Shard(1, N).partOf(sharded.resolve("datalist.json")).toString(),
        "--out",
        sharded.resolve("datalist.json").toString());
    assertEquals(files(one), files(sharded));
  }

  @Test
  @Tag("slow")
  void featuresAndScoresOfShardsMergeIntoTheOneProcessTables() throws IOException {
    Path datalist = hulk.resolve("datalist.json");
    Path one = dir.resolve("features.parquet");
    Path sharded = dir.resolve("sharded").resolve("features.parquet");
    String[] args = {
      "features",
      "--model",
      model.toString(),
      "--datalist",
      datalist.toString(),
      "--batch",
      "8",
      "--out",
      ""
    };
    args[args.length - 1] = one.toString();
    ok(args);
    args[args.length - 1] = sharded.toString();
    shards(args);
    ok("merge", "--out", sharded.toString());
    FeatureTable a = FeatureTable.read(one);
    FeatureTable b = FeatureTable.read(sharded);
    assertTrue(a.size() > 3 * N, "rows: " + a.size());
    assertEquals(a.snames(), b.snames());
    assertEquals(a.ids(), b.ids());
    assertEquals(a.labels(), b.labels());
    assertEquals(a.extras(), b.extras());
    for (int r = 0; r < a.size(); r++) {
      assertArrayEquals(a.features()[r], b.features()[r], 0f, a.snames().get(r)); // exactly
    }

    // a rerun shard replaces its part
    Path part2 = new Shard(2, N).partOf(sharded);
    FeatureTable before = FeatureTable.read(part2);
    Files.writeString(part2, "not parquet");
    List<String> rerun = new ArrayList<>(List.of(args));
    rerun.addAll(List.of("--shard", "2/" + N));
    ok(rerun.toArray(String[]::new));
    FeatureTable after = FeatureTable.read(part2);
    assertEquals(before.snames(), after.snames());
    assertArrayEquals(before.features(), after.features());

    // the forest fitted once, saved, then scoring shards with it: the one-process scores
    Path forest = dir.resolve("forest.iforest");
    ok(
        "anomaly",
        "score",
        "--features",
        one.toString(),
        "--columns",
        "f0,f1,f2,f3,f4,f5",
        "--max-samples",
        "32",
        "--trees",
        "50",
        "--save-model",
        forest.toString(),
        "--out",
        dir.resolve("fit.csv").toString());
    Path scores = dir.resolve("scores.csv");
    ok(
        "anomaly",
        "score",
        "--features",
        one.toString(),
        "--model",
        forest.toString(),
        "--out",
        scores.toString());
    Path shardedScores = dir.resolve("sharded").resolve("scores.csv");
    shards(
        "anomaly",
        "score",
        "--features",
        sharded.toString(),
        "--model",
        forest.toString(),
        "--out",
        shardedScores.toString());
    ok("merge", "--out", shardedScores.toString());
    assertEquals(Files.readString(scores), Files.readString(shardedScores)); // sorted by score
    assertEquals(Files.readString(dir.resolve("fit.csv")), Files.readString(scores));
  }

  @Test
  void detectRunShardsWriteTheOneProcessFoldersAndIndex() throws IOException {
    Path one = dir.resolve("detect");
    Path sharded = dir.resolve("detect-sharded");
    String[] args = {"detect", "run", map1.toString(), map2.toString(), "--out", ""};
    args[args.length - 1] = one.toString();
    ok(args);
    args[args.length - 1] = sharded.toString();
    shards(args);
    ok("merge", "--out", sharded.resolve("maps.csv").toString());
    Map<String, String> a = files(one);
    assertTrue(a.containsKey("maps.csv") && a.containsKey("map/catalogue.csv"), a.keySet() + "");
    assertEquals(a, files(sharded));
  }

  /**
   * The Slurm scripts run here without Slurm: each array task's body (scripts/slurm/shard-task.sh)
   * with SLURM_ARRAY_TASK_ID set as Slurm sets it (and SLURM_ARRAY_TASK_COUNT 1, as for a task
   * resubmitted alone: the shard count is the script's own argument), then the merge job's body;
   * and the submit script against a stand-in sbatch that records what it is asked.
   */
  @Test
  @Tag("slow")
  void theSlurmScriptsRunAStageShardedAndMergeIt() throws IOException, InterruptedException {
    Path scripts = Path.of("..", "scripts", "slurm").toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(scripts.resolve("shard-task.sh")), "run from the repository");
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    // the launcher the scripts call: this JVM's java on the test classpath
    Path launcher = dir.resolve("radioclr-test.sh");
    Files.writeString(
        launcher,
        "#!/bin/bash\nexec '"
            + ProcessHandle.current().info().command().orElse("java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' org.radioclr.app.Main \"$@\"\n");
    launcher.toFile().setExecutable(true);
    Path out = dir.resolve("slurm-hulk");
    List<String> stage = List.of(hulkArgs(out, null));
    for (int i = 0; i < N; i++) {
      List<String> cmd = new ArrayList<>(List.of("/bin/bash", scripts + "/shard-task.sh", "" + N));
      cmd.addAll(stage);
      assertEquals(
          0,
          run(cmd, Map.of("SLURM_ARRAY_TASK_ID", "" + i, "SLURM_ARRAY_TASK_COUNT", "1"), launcher),
          "task " + i);
    }
    Path merged = out.resolve("datalist.json");
    assertEquals(
        0,
        run(
            List.of("/bin/bash", scripts + "/merge-task.sh", "--out", merged.toString()),
            Map.of(),
            launcher));
    assertEquals(files(hulk), files(out));

    // submit: an array of N tasks, then the merge after all of them succeeded
    Path log = dir.resolve("sbatch.log");
    Path sbatch = dir.resolve("sbatch");
    Files.writeString(
        sbatch,
        "#!/bin/bash\necho \"$*\" >> '"
            + log
            + "'\n[[ \"$*\" == *--array* ]] && echo 1001 || echo 1002\n");
    sbatch.toFile().setExecutable(true);
    List<String> submit =
        new ArrayList<>(
            List.of("/bin/bash", scripts + "/submit-sharded.sh", "4", merged.toString()));
    submit.addAll(stage);
    assertEquals(
        0, run(submit, Map.of("SBATCH", sbatch.toString(), "SBATCH_ARGS", "-p cpu"), launcher));
    List<String> calls = Files.readAllLines(log);
    assertEquals(
        List.of(
            "--parsable -p cpu --array=0-3 "
                + scripts
                + "/shard-task.sh 4 "
                + String.join(" ", stage),
            "--parsable -p cpu --dependency=afterok:1001 "
                + scripts
                + "/merge-task.sh --out "
                + merged),
        calls);
  }

  /** Runs a script with the given environment and RADIOCLR; its exit code. */
  private static int run(List<String> cmd, Map<String, String> env, Path launcher)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("RADIOCLR", launcher.toString());
    pb.redirectOutput(dir.resolve("script.log").toFile());
    int code = pb.start().waitFor();
    if (code != 0) {
      System.err.println(Files.readString(dir.resolve("script.log")));
    }
    return code;
  }

  @Test
  void aBadShardIsAUsageError() {
    String f = dir.resolve("x.parquet").toString();
    List<String[]> commands =
        List.of(
            new String[] {"cutouts", "hulk", "m.fits", "--out", "o"},
            new String[] {"cutouts", "banner", "m.fits", "--catalog", "c.csv", "--out", "o"},
            new String[] {"features", "--model", "m", "--datalist", "d.json", "--out", f},
            new String[] {"anomaly", "score", "--features", f, "--model", "m", "--out", f},
            new String[] {"detect", "run", "m.fits", "--out", "o"});
    for (String[] c : commands) {
      String name = "radioclr " + String.join(" ", List.of(c).subList(0, 2)).replace(" m.fits", "");
      if (name.startsWith("radioclr features")) {
        name = "radioclr features";
      }
      for (String bad : new String[] {"3/3", "-1/2", "x/y"}) {
        List<String> a = new ArrayList<>(List.of(c));
        a.addAll(c[0].equals("features") ? 1 : 2, List.of("--shard", bad)); // before the others
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(
            r.err().startsWith(name + ": invalid value for option '--shard': '" + bad + "'"),
            r.err());
      }
    }
  }

  @Test
  void mergeNamesAMissingPartAndAPartWithOtherColumns() throws IOException {
    Path datalist = hulk.resolve("datalist.json");
    Path whole = dir.resolve("m").resolve("f.csv");
    shards(
        "features",
        "--model",
        model.toString(),
        "--datalist",
        datalist.toString(),
        "--out",
        whole.toString());
    Path part1 = new Shard(1, N).partOf(whole);
    Path saved = Files.move(part1, dir.resolve("m").resolve("saved.csv"));
    CliRun missing = CliRun.of("merge", "--out", whole.toString());
    assertEquals(1, missing.exitCode());
    assertEquals(
        "radioclr: "
            + part1
            + ": missing part 1 of 3 (not given; run shard 1/3, or pass the file)\n",
        missing.err());
    // a part of another table in its place
    List<String> other = new ArrayList<>(Files.readAllLines(saved));
    other.set(0, other.get(0).replace(",f0,", ",g0,"));
    Files.write(part1, other);
    CliRun columns = CliRun.of("merge", "--out", whole.toString());
    assertEquals(1, columns.exitCode());
    assertTrue(
        columns
            .err()
            .startsWith(
                "radioclr: "
                    + part1
                    + ": columns differ from those of "
                    + new Shard(0, N).partOf(whole).getFileName()
                    + ": column "),
        columns.err());
    assertTrue(columns.err().contains("'g0 VARCHAR' here, 'f0 VARCHAR' there"), columns.err());
    assertTrue(Files.notExists(whole));
    // a table of parts is not turned into another format
    Files.move(saved, part1, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRun format =
        CliRun.of(
            "merge",
            "--out",
            whole.resolveSibling("f.parquet").toString(),
            part1.toString(),
            new Shard(0, N).partOf(whole).toString(),
            new Shard(2, N).partOf(whole).toString());
    assertEquals(1, format.exitCode());
    assertTrue(format.err().contains("the output must have their format"), format.err());
    ok("merge", "--out", whole.toString());
  }
}
