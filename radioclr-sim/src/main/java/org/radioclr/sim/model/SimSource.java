package org.radioclr.sim.model;

import java.util.List;
import java.util.Objects;
import org.radioclr.formats.labels.Morphology;

/**
 * One simulated object: its morphology and intrinsic components. An artefact (ring, spokes) records
 * the bright source it surrounds in {@code host}; other sources have {@code host = -1}.
 *
 * @param id unique within a field, {@code >= 0}
 * @param morphology what it is
 * @param components at least one
 * @param host id of the source an artefact belongs to, or -1
 */
public record SimSource(int id, Morphology morphology, List<Gaussian> components, int host) {

  public SimSource {
    Objects.requireNonNull(morphology, "morphology");
    if (id < 0) {
      throw new IllegalArgumentException("source id must be >= 0, got " + id);
    }
    if (components == null || components.isEmpty()) {
      throw new IllegalArgumentException("source " + id + " needs at least one component");
    }
    components = List.copyOf(components);
  }

  /** Total intrinsic flux, Jy. */
  public double flux() {
    double s = 0;
    for (Gaussian g : components) {
      s += g.flux();
    }
    return s;
  }
}
