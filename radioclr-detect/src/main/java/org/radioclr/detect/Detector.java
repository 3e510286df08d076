package org.radioclr.detect;

import java.util.List;
import org.radioclr.detect.data.Frame;

/** Anything that finds the objects of an annotated frame (the network, the island finder). */
@FunctionalInterface
public interface Detector {
  /** The raw detections of {@code frame} (before the evaluator's post-processing). */
  List<Instance> detect(Frame frame);
}
