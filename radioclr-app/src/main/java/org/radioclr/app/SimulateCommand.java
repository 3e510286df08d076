package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr simulate}: a simulated survey with full ground truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate radio survey maps with full ground truth: FITS maps (Jy/beam, SIN WCS, beam),"
          + " catalogues (CSV, VOTable), instance masks (caesar-mrcnn form), hulk frame labels"
          + " (paper §5.1) and three benchmark sets (classification, detection, anomaly).",
      "Presets: tiny (tests), emu-pilot (944 MHz, 2\"/px, 13\"x11\" beam, 30 µJy/beam),"
          + " smgps (1.3 GHz, 1.1\"/px, 8\" beam, 15 µJy/beam, Galactic plane), first (1.4 GHz,"
          + " 1.8\"/px, 5.4\" beam, 150 µJy/beam). Same seed and options give identical files."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr simulate --out sim --seed 1 --preset tiny --preview",
      "  radioclr simulate --out emu --seed 7 --preset emu-pilot --size 4096 --fields 2",
      "  radioclr simulate --out plane --preset smgps --no-sets"
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin OutFolderOption output;

  @Mixin SeedOption seed;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "tiny, emu-pilot, smgps or first (default: emu-pilot).")
  String preset = "emu-pilot";

  @Option(names = "--size", paramLabel = "PIX", description = "Map side (default: the preset's).")
  Integer size;

  @Option(names = "--fields", paramLabel = "K", description = "Number of maps (default: 1).")
  Integer fields;

  @Option(
      names = "--rms",
      paramLabel = "JY",
      description = "Nominal noise rms in Jy/beam (default: the preset's).")
  Double rms;

  @Option(
      names = "--mix",
      paramLabel = "FAMILY=F,...",
      description =
          "Fractions of source families, summing to 1: compact, radio-galaxy, diffuse, peculiar,"
              + " artefact (default: the preset's).")
  String mix;

  @Option(names = "--preview", description = "Also write PNG previews and source contact sheets.")
  boolean preview;

  @Option(names = "--no-sets", description = "Skip the benchmark sets (maps and catalogues only).")
  boolean noSets;

  @Mixin ThreadsOption threads;

  @Option(names = "--force", description = "Write into a non-empty output folder.")
  boolean force;

  @Override
  public Integer call() {
    return run(BadOptionException.check(this::config));
  }

  /** The simulation the options ask for. */
  private SimulationConfig config() {
    SimPreset p = SimPreset.named(preset);
    if (size != null) {
      p = p.withSize(size);
    }
    if (fields != null) {
      p = p.withFields(fields);
    }
    if (rms != null) {
      p = p.withRms(rms);
    }
    if (mix != null) {
      p = p.withFamilyMix(parseMix(mix));
    }
    return new SimulationConfig(p, seed.orDefault(), preview, !noSets, threads.threads);
  }

  private Integer run(SimulationConfig config) {
    Path out =
        force ? output.dir : output.requireEmpty("choose another --out folder or add --force");
    PrintWriter stdout = spec.commandLine().getOut();
    Simulator.Result r =
        new Simulator(config, ConsoleProgress.onStderr(spec.commandLine().getErr())).run(out);
    for (Simulator.Field f : r.fields()) {
      stdout.printf(
          "%s: %d sources (%d above 3 sigma), %s%n",
          f.name(), f.truths().size(), f.detected(), f.map());
    }
    if (r.sets() != null) {
      stdout.println(r.sets().format());
    }
    stdout.println("wrote " + out.toAbsolutePath());
    return 0;
  }

  /** {@code compact=0.9,radio-galaxy=0.1} to fractions per family. */
  static Map<Family, Double> parseMix(String text) {
    Map<Family, Double> out = new EnumMap<>(Family.class);
    for (String part : text.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        throw new BadOptionException("--mix needs FAMILY=FRACTION pairs, got '" + part + "'");
      }
      String key = kv[0].trim().toUpperCase(Locale.ROOT).replace('-', '_');
      Family family;
      try {
        family = Family.valueOf(key);
      } catch (IllegalArgumentException e) {
        throw new BadOptionException(
            "--mix: unknown family '"
                + kv[0].trim()
                + "'; known: compact, radio-galaxy, diffuse, peculiar, artefact",
            e);
      }
      try {
        out.put(family, Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new BadOptionException("--mix: '" + kv[1].trim() + "' is not a number", e);
      }
    }
    return out;
  }
}
