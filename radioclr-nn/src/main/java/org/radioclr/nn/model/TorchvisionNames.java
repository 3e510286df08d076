package org.radioclr.nn.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the parameters of a block tree to PyTorch state-dict keys, e.g. {@code conv1.weight}, {@code
 * bn1.running_mean}, {@code layer2.0.downsample.0.weight}, {@code fc.bias}, so that torchvision
 * ResNet18 weights can be loaded into {@link ResNet18} and ours exported the same way.
 *
 * <p>DJL names a child {@code "%02d" + name} (its position, then the name given to {@code
 * addChildBlock}); the key is the chain of child names without that prefix, joined by dots, then
 * the parameter's PyTorch name: {@code weight}/{@code bias} stay, batch norm's {@code gamma},
 * {@code beta}, {@code runningMean}, {@code runningVar} become {@code weight}, {@code bias}, {@code
 * running_mean}, {@code running_var}. PyTorch's {@code num_batches_tracked} buffers have no DJL
 * counterpart (they only matter for momentum=None) and are absent: torchvision's ResNet18 state
 * dict has 122 keys, 102 of which are returned here.
 */
public final class TorchvisionNames {
  private TorchvisionNames() {}

  /**
   * Returns the parameters of {@code block} and its descendants under their PyTorch keys, in
   * PyTorch's state-dict order.
   *
   * @throws IllegalArgumentException when a parameter name has no PyTorch counterpart or two
   *     parameters map to the same key
   */
  public static Map<String, Parameter> of(Block block) {
    LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
    collect(block, "", out);
    return Collections.unmodifiableMap(out);
  }

  private static void collect(Block block, String prefix, Map<String, Parameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      String key = prefix + parameterName(p.getKey());
      if (out.put(key, p.getValue()) != null) {
        throw new IllegalArgumentException("two parameters map to " + key);
      }
    }
    for (Pair<String, Block> child : block.getChildren()) {
      collect(child.getValue(), prefix + moduleName(child.getKey()) + ".", out);
    }
  }

  /** The module name of a DJL child key: {@code "03layer1"} -&gt; {@code "layer1"}. */
  static String moduleName(String djlChildKey) {
    if (djlChildKey.length() > 2
        && Character.isDigit(djlChildKey.charAt(0))
        && Character.isDigit(djlChildKey.charAt(1))) {
      return djlChildKey.substring(2);
    }
    return djlChildKey;
  }

  /** The PyTorch name of a DJL parameter name. */
  static String parameterName(String djlName) {
    return switch (djlName) {
      case "weight", "bias" -> djlName;
      case "gamma" -> "weight";
      case "beta" -> "bias";
      case "runningMean" -> "running_mean";
      case "runningVar" -> "running_var";
      default -> throw new IllegalArgumentException("no PyTorch name for DJL parameter " + djlName);
    };
  }
}
