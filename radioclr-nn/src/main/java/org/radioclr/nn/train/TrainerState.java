package org.radioclr.nn.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radioclr.core.BadInputException;

/** The trainer's counters saved with a run checkpoint ({@code trainer-state.json}). */
final class TrainerState {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  int epoch;
  int optimizerSteps;
  String datalist;
  String datalistSha256;
  String validation;
  // a checkpoint in the middle of epoch + 1: batches done and the epoch's sums so far
  int batch;
  double lossSum;
  int steps;
  int trained;
  double seconds;

  TrainerState() {}

  TrainerState(
      int epoch, int optimizerSteps, String datalist, String datalistSha256, String validation) {
    this.epoch = epoch;
    this.optimizerSteps = optimizerSteps;
    this.datalist = datalist;
    this.datalistSha256 = datalistSha256;
    this.validation = validation;
  }

  void write(Path file) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("optimizer_steps", optimizerSteps);
    m.put("datalist", datalist);
    m.put("datalist_sha256", datalistSha256);
    if (validation != null) {
      m.put("validation", validation);
    }
    if (batch > 0) {
      m.put("batch", batch);
      m.put("loss_sum", lossSum);
      m.put("steps", steps);
      m.put("trained", trained);
      m.put("seconds", seconds);
    }
    Files.writeString(file, JSON.writeValueAsString(m) + "\n");
  }

  static TrainerState read(Path file) {
    try {
      Map<String, Object> m =
          JSON.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
      TrainerState s = new TrainerState();
      s.epoch = ((Number) m.get("epoch")).intValue();
      s.optimizerSteps = ((Number) m.get("optimizer_steps")).intValue();
      s.datalist = (String) m.get("datalist");
      s.datalistSha256 = (String) m.get("datalist_sha256");
      s.validation = (String) m.get("validation");
      if (m.get("batch") != null) {
        s.batch = ((Number) m.get("batch")).intValue();
        s.lossSum = ((Number) m.get("loss_sum")).doubleValue();
        s.steps = ((Number) m.get("steps")).intValue();
        s.trained = ((Number) m.get("trained")).intValue();
        s.seconds = ((Number) m.get("seconds")).doubleValue();
      }
      if (s.datalist == null
          || s.datalistSha256 == null
          || s.epoch < (s.batch > 0 ? 0 : 1)
          || s.batch < 0) {
        throw new IllegalArgumentException("missing fields");
      }
      return s;
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file, "invalid trainer state: " + e.getMessage(), e);
    }
  }
}
