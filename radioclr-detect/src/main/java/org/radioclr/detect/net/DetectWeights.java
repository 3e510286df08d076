package org.radioclr.detect.net;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.nn.weights.Safetensors;
import org.radioclr.nn.weights.Safetensors.Tensor;

/**
 * A detector's weights as a safetensors file: every parameter of its {@link DetectBlock} under its
 * DJL name (batch-norm running statistics included), the form a detector ships in ({@link
 * ShippedDetectors}). The network's shape is not in the file: it comes with the model's {@link
 * DetectSpec}.
 */
public final class DetectWeights {
  private DetectWeights() {}

  /**
   * Writes the weights of {@code net} atomically.
   *
   * @param dtype {@link Safetensors.Dtype#F32} or {@link Safetensors.Dtype#F16} (half the size,
   *     about 3 significant digits)
   * @throws BadInputException naming the file when it cannot be written
   */
  public static void export(DetectModel net, Path file, Safetensors.Dtype dtype) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : net.block().getParameters()) {
      NDArray a = p.getValue().getArray();
      tensors.put(p.getKey(), new Tensor(dtype, a.getShape().getShape(), a.toFloatArray()));
    }
    Safetensors.write(
        file,
        tensors,
        Map.of(
            "producer", "radioclr",
            "architecture", "radioclr-detect",
            "decoder_channels", Integer.toString(net.spec().decoderChannels())));
  }

  /**
   * Sets every parameter of {@code net} from {@code contents}.
   *
   * @param source names the file in errors
   * @throws BadInputException naming {@code source} when a parameter is missing, of another shape,
   *     or the file holds one the network lacks
   */
  public static void load(Path source, Safetensors.Contents contents, DetectModel net) {
    int used = 0;
    for (Pair<String, Parameter> p : net.block().getParameters()) {
      Tensor t = contents.tensors().get(p.getKey());
      NDArray a = p.getValue().getArray();
      if (t == null) {
        throw new BadInputException(source, "has no tensor " + p.getKey());
      }
      if (!Arrays.equals(t.shape(), a.getShape().getShape())) {
        throw new BadInputException(
            source,
            "tensor "
                + p.getKey()
                + " has shape "
                + Arrays.toString(t.shape())
                + ", the network needs "
                + a.getShape());
      }
      a.set(t.values());
      used++;
    }
    if (used != contents.tensors().size()) {
      throw new BadInputException(
          source,
          "holds "
              + contents.tensors().size()
              + " tensors, the detector has "
              + used
              + " parameters (another decoder width?)");
    }
  }
}
