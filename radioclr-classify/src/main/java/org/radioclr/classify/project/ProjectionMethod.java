package org.radioclr.classify.project;

import java.util.Arrays;
import java.util.Locale;

/** The 2-D projections available (Smile 4.4 implementations). */
public enum ProjectionMethod {
  /**
   * Uniform Manifold Approximation and Projection (McInnes et al. 2018), as in the paper's Fig. 4.
   */
  UMAP,
  /** Principal component analysis: the top-2 components. */
  PCA,
  /** t-distributed stochastic neighbour embedding (van der Maaten &amp; Hinton 2008). */
  TSNE;

  /**
   * The method of a name, case-insensitive ({@code umap}, {@code pca}, {@code tsne} or {@code
   * t-sne}).
   *
   * @throws IllegalArgumentException naming the known methods
   */
  public static ProjectionMethod parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
    for (ProjectionMethod m : values()) {
      if (m.name().equals(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown projection method '"
            + name
            + "', known: "
            + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
  }

  /** The lower-case name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
