package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.caesar.CaesarAnnotationWriter;
import org.radioclr.formats.caesar.CaesarImageInfo;
import org.radioclr.formats.labels.DetectionClass;

class DetectCommandTest {
  private static final int S = 64;

  @TempDir Path dir;

  /** One 64-px frame with a 30-sigma point source (beam 3 px) annotated as COMPACT. */
  private Path annotatedFrame() {
    SplittableRandom r = new SplittableRandom(3);
    Plane p = Plane.zeros(S, S);
    byte[] mask = new byte[S * S];
    double sigma = 3 / 2.3548;
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double g =
            30e-4 * Math.exp(-((x - 30) * (x - 30) + (y - 20) * (y - 20)) / (2 * sigma * sigma));
        double u = r.nextDouble();
        double v = r.nextDouble();
        double noise = 1e-4 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        p.data()[y * S + x] = (float) (g + noise);
        mask[y * S + x] = g > 3e-4 ? (byte) 1 : 0;
      }
    }
    Path image = dir.resolve("frame.fits");
    FitsWriter.write(image, p);
    Path json = dir.resolve("ann").resolve("frame.json");
    CaesarAnnotationWriter.write(
        json,
        image,
        new CaesarImageInfo(S, S, -2, 2, 6, 6, 0, 1e-4, "test", 0, 0),
        List.of(
            new CaesarAnnotationWriter.MaskObject(
                mask, DetectionClass.COMPACT, "src1", 1, false, Map.of(), FitsCards.create())));
    return json;
  }

  @Test
  void evaluateScoresTheIslandFinderAndWritesMetrics() throws Exception {
    Path json = annotatedFrame();
    Path out = dir.resolve("eval");
    CliRun r = CliRun.of("detect", "evaluate", "--data", json.toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("SOURCE"), r.out());
    assertTrue(
        r.out().matches("(?s).*COMPACT\\s+islands\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"), r.out());
    String metrics = Files.readString(out.resolve("metrics.json"));
    assertTrue(metrics.contains("\"islands\""), metrics);
    assertTrue(Files.isRegularFile(out.resolve("provenance.json")));
  }

  @Test
  void evaluateScoresWhatDetectIslandsWroteAndDrawsTheReport() throws Exception {
    Path json = annotatedFrame();
    Path found = dir.resolve("found");
    CliRun run =
        CliRun.of(
            "detect", "islands", dir.resolve("frame.fits").toString(), "--out", found.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("1 islands {COMPACT=1}"), run.out());
    Path out = dir.resolve("eval");
    CliRun r =
        CliRun.of(
            "detect",
            "evaluate",
            "--pred",
            found.toString(),
            "--truth",
            json.toString(),
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().matches("(?s).*COMPACT\\s+pred\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"), r.out());
    assertTrue(r.out().contains("0 true frames without a prediction"), r.out());
    for (String f : List.of("metrics.json", "classes.png", "report.html")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("pred on frame: 1 true, 1 detected"), html.substring(0, 400));
  }

  @Test
  void predictionsOfOtherImagesAreOneLineError() throws Exception {
    Path json = annotatedFrame();
    Files.copy(dir.resolve("frame.fits"), dir.resolve("other.fits"));
    Path found = dir.resolve("found");
    assertEquals(
        0,
        CliRun.of(
                "detect",
                "islands",
                dir.resolve("other.fits").toString(),
                "--out",
                found.toString())
            .exitCode());
    CliRun r =
        CliRun.of(
            "detect",
            "evaluate",
            "--pred",
            found.toString(),
            "--truth",
            json.toString(),
            "--out",
            dir.resolve("e").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("predicts none of the 1 true frames"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void missingMaskFileIsOneLineNamingTheAnnotation() throws Exception {
    Path json = annotatedFrame();
    Files.delete(dir.resolve("ann").resolve("frame_obj1.fits"));
    CliRun r =
        CliRun.of(
            "detect", "evaluate", "--data", json.toString(), "--out", dir.resolve("e").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("frame.json"), r.err());
    assertTrue(r.err().contains("mask file"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void exportWritesTheShippedDetectorAndRefusesAFolderThatIsNoDetector() throws Exception {
    Path file = dir.resolve("det.safetensors");
    CliRun ok =
        CliRun.of("detect", "export", "radioclr-detect-sim-v1", "--half", "--out", file.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    // float16: half the float32 size of a 11 M-parameter network, plus the header
    long size = Files.size(file);
    assertTrue(size > 20_000_000 && size < 25_000_000, "size " + size);
    Path notADetector = Files.createDirectories(dir.resolve("empty"));
    CliRun bad =
        CliRun.of(
            "detect",
            "export",
            notADetector.toString(),
            "--out",
            dir.resolve("x.safetensors").toString());
    assertEquals(1, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("not a detector model folder"), bad.err());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(Files.notExists(dir.resolve("x.safetensors")));
  }

  @Test
  void aCropThatIsNotAMultipleOf32IsAUsageError() {
    Path json = annotatedFrame();
    CliRun r = trainScratch(json, "--crop", "100");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("crop must be a multiple of 32"), r.err());
  }

  @Test
  void anUnknownPreprocessingOrAZeroPeakWindowIsAUsageError() {
    Path json = annotatedFrame();
    CliRun pre = trainScratch(json, "--preprocess", "zscale");
    assertEquals(2, pre.exitCode(), pre.err());
    assertTrue(pre.err().contains("unknown pre-processing preset 'zscale'"), pre.err());
    assertTrue(pre.err().contains("detect"), pre.err());
    CliRun window =
        CliRun.of(
            "detect",
            "evaluate",
            "--data",
            json.toString(),
            "--peak-window",
            "0",
            "--out",
            dir.resolve("eval").toString());
    assertEquals(2, window.exitCode(), window.err());
    assertTrue(window.err().contains("peak window must be >= 1 pixel, got 0"), window.err());
    assertFalse(Files.exists(dir.resolve("eval")));
  }

  @Test
  void aStudyFractionOutsideTheRangeIsAUsageError() {
    Path json = annotatedFrame();
    CliRun r =
        CliRun.of(
            "detect",
            "study",
            "--train",
            json.toString(),
            "--test",
            json.toString(),
            "--fractions",
            "0.5,1.5",
            "--out",
            dir.resolve("study").toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("label fractions must be in (0, 1], got 1.5"), r.err());
  }

  @Test
  void runWithoutAModelFindsTheIslandsOfAMapInTiles() throws Exception {
    annotatedFrame(); // writes frame.fits: one point source at (30, 20)
    Path out = dir.resolve("found");
    CliRun r =
        CliRun.of(
            "detect",
            "run",
            dir.resolve("frame.fits").toString(),
            "--tile",
            "32",
            "--overlap",
            "16",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> rows = Files.readAllLines(out.resolve("frame").resolve("catalogue.csv"));
    assertEquals(2, rows.size(), rows.toString());
    assertTrue(rows.get(1).startsWith("1,COMPACT,"), rows.get(1));
    for (String f : List.of("labels.fits", "catalogue.vot", "caesar/frame.json")) {
      assertTrue(Files.isRegularFile(out.resolve("frame").resolve(f)), f);
    }
    assertTrue(r.out().contains("no regions.reg"), r.out());
  }

  /** {@code detect train} from scratch on {@code json} into {@code dir/run}, with more options. */
  private CliRun trainScratch(Path json, String... options) {
    List<String> args =
        new ArrayList<>(List.of("detect", "train", "--data", json.toString(), "--init", "scratch"));
    args.addAll(List.of(options));
    args.addAll(List.of("--out", dir.resolve("run").toString()));
    return CliRun.of(args.toArray(String[]::new));
  }
}
