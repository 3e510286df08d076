package org.radioclr.sim.sky;

import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.SimSource;

/**
 * Throughput of sky generation, stamp rendering and truth measurement (not a test): {@code java -cp
 * ... org.radioclr.sim.sky.SkyBench [preset] [size]}. Prints one line per stage.
 */
public final class SkyBench {

  private SkyBench() {}

  public static void main(String[] args) {
    SimPreset p = SimPreset.named(args.length > 0 ? args[0] : "emu-pilot");
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
    SkyGenerator gen = new SkyGenerator(p);
    SourceRenderer r = new SourceRenderer(p.pixelBeam(), 5, 0.05 * p.rmsJy());
    TruthBuilder tb = new TruthBuilder(p.pixelBeam(), p.pixelArcsec());
    RmsField rms = RmsField.uniform(p.rmsJy(), size, size);
    for (int rep = 0; rep < 4; rep++) {
      long t0 = System.nanoTime();
      List<SimSource> sky = gen.generate(size, size, new SplittableRandom(rep));
      long t1 = System.nanoTime();
      long pixels = 0;
      for (SimSource s : sky) {
        pixels += r.render(s).data().length;
      }
      long t2 = System.nanoTime();
      int detected = 0;
      for (SimSource s : sky) {
        detected += tb.measure(s, r.render(s), rms).detected() ? 1 : 0;
      }
      long t3 = System.nanoTime();
      System.out.printf(
          "%s %d^2: %d sources (%d detected); generate %.0f ms; render %.0f stamps/s (%.0f"
              + " Mpix/s); render+truth %.0f sources/s%n",
          p.name(),
          size,
          sky.size(),
          detected,
          (t1 - t0) / 1e6,
          sky.size() / ((t2 - t1) / 1e9),
          pixels / ((t2 - t1) / 1e3),
          sky.size() / ((t3 - t2) / 1e9));
    }
  }
}
