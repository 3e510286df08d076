package org.radioclr.detect.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.ParameterList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.data.DetectionSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.eval.FrameEvaluation;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.weights.Safetensors;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;

/**
 * Detectors as safetensors: an exported detector loads back unchanged, a file of another network is
 * refused, and the shipped detector is found by name and finds simulated sources.
 */
class ShippedDetectorsTest {
  @TempDir Path dir;

  private static DetectModel random(int decoderChannels, long seed) {
    return DetectModel.create(
        new EncoderInit.Scratch(), PreprocessConfig.preset("detect"), decoderChannels, false, seed);
  }

  @Test
  void aBareNameIsAShippedDetectorAndAPathIsNot() {
    assertEquals(
        "radioclr-detect-sim-v1", ShippedDetectors.named(Path.of("radioclr-detect-sim-v1")).get());
    assertTrue(ShippedDetectors.named(Path.of("models/radioclr-detect-sim-v1")).isEmpty());
    assertTrue(ShippedDetectors.named(Path.of("radioclr-first-v1")).isEmpty());
  }

  @Test
  void anExportedDetectorLoadsBackWithEveryParameter() {
    Path file = dir.resolve("d.safetensors");
    try (DetectModel a = random(8, 1);
        DetectModel b = random(8, 2)) {
      DetectWeights.export(a, file, Safetensors.Dtype.F32);
      DetectWeights.load(file, Safetensors.read(file), b);
      ParameterList pa = a.block().getParameters();
      ParameterList pb = b.block().getParameters();
      assertEquals(pa.keys(), pb.keys());
      for (int i = 0; i < pa.size(); i++) {
        assertArrayEquals(
            pa.valueAt(i).getArray().toFloatArray(),
            pb.valueAt(i).getArray().toFloatArray(),
            pa.keyAt(i));
      }
    }
  }

  @Test
  void savingOverAModelFolderReplacesItAndLeavesNoTemporaryFolder() throws Exception {
    Path folder = dir.resolve("model");
    try (DetectModel a = random(8, 1);
        DetectModel b = random(8, 2)) {
      a.save(folder, new Provenance("test"));
      b.save(folder, new Provenance("test"));
      try (DetectModel loaded = DetectModel.load(folder)) {
        assertArrayEquals(
            b.block().getParameters().valueAt(0).getArray().toFloatArray(),
            loaded.block().getParameters().valueAt(0).getArray().toFloatArray());
      }
    }
    try (var s = Files.list(dir)) {
      assertEquals(List.of(folder), s.toList());
    }
  }

  @Test
  void weightsOfAnotherDecoderWidthAreRefusedNamingTheFile() {
    Path file = dir.resolve("wide.safetensors");
    try (DetectModel wide = random(16, 1);
        DetectModel narrow = random(8, 1)) {
      DetectWeights.export(wide, file, Safetensors.Dtype.F16);
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () -> DetectWeights.load(file, Safetensors.read(file), narrow));
      assertTrue(e.getMessage().contains("wide.safetensors"), e.getMessage());
      assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }
  }

  @Test
  void theShippedDetectorFindsSimulatedSources() {
    // a field of the preset it was trained on, from a seed its training never saw
    new Simulator(
            new SimulationConfig(
                SimPreset.EMU_PILOT.withSize(768).withFields(1), 5, false, true, 2),
            ProgressListener.NONE)
        .run(dir.resolve("sim"));
    Path list = dir.resolve("sim/sets/detection/datalist.json");
    assertTrue(Files.isRegularFile(list));
    List<Frame> frames = DetectionSet.read(list);
    DetectionMetrics m;
    try (DetectModel net = DetectModel.load(Path.of("radioclr-detect-sim-v1"))) {
      m =
          FrameEvaluation.run(
              frames,
              f -> net.detect(f.image(), Grouping.DEFAULT),
              EvalConfig.PAPER,
              ProgressListener.NONE);
    }
    // its model card gives SOURCE F1 0.70 on a 58-frame test field; random weights find nothing
    assertTrue(m.sourceF1() > 0.5, "SOURCE F1 " + m.sourceF1());
  }
}
