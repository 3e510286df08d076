package org.radioclr.core.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.io.Json;

/**
 * One step of an {@link AugmentationPipeline}: an augmentation and the probability with which it is
 * applied to a view. In JSON the two are one object, the augmentation's with a {@code
 * "probability"} key beside its {@code "type"}; a missing probability is the paper's ({@link
 * Augmentation#paperProbability()}).
 *
 * @param augmentation what to apply
 * @param probability chance of applying it, in [0, 1]
 */
public record AugmentationStep(Augmentation augmentation, double probability) {

  public AugmentationStep {
    Objects.requireNonNull(augmentation, "augmentation");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
  }

  /** The augmentation with the probability the paper's Table 2 gives it. */
  public static AugmentationStep paper(Augmentation augmentation) {
    return new AugmentationStep(augmentation, augmentation.paperProbability());
  }

  @JsonCreator
  static AugmentationStep fromJson(ObjectNode node) throws JsonProcessingException {
    JsonNode probability = node.remove("probability");
    Augmentation a;
    try {
      a = Json.mapper().treeToValue(node, Augmentation.class);
    } catch (UnrecognizedPropertyException e) {
      List<Object> known = new ArrayList<>(e.getKnownPropertyIds());
      known.add("probability");
      throw UnrecognizedPropertyException.from(
          (JsonParser) e.getProcessor(), e.getReferringClass(), e.getPropertyName(), known);
    }
    if (probability == null) {
      return paper(a);
    }
    try {
      return new AugmentationStep(a, Json.mapper().treeToValue(probability, double.class));
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, AugmentationStep.class, "probability");
    }
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode node = Json.mapper().valueToTree(augmentation);
    ObjectNode out = node.objectNode();
    out.set("type", node.remove("type"));
    out.put("probability", probability);
    out.setAll(node);
    return out;
  }
}
