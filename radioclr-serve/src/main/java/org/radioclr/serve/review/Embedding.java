package org.radioclr.serve.review;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.radioclr.classify.project.ProjectionCsv;
import org.radioclr.core.BadInputException;

/**
 * The 2-D view of a project: one point per frame ({@code [rows][2]}, in the project's row order),
 * either read from the coordinates {@code radioclr project} wrote (UMAP, PCA or t-SNE; matched by
 * {@code sname}, frames it lacks are {@code NaN} and not drawn) or a PCA of the features.
 *
 * @param xy {@code [rows][2]} coordinates, {@code NaN} for a frame without a point
 * @param source what the coordinates are, for the page
 * @param missing frames without a point
 */
public record Embedding(double[][] xy, String source, int missing) {

  /**
   * Matches the points of a projection file to the project's frames.
   *
   * @throws BadInputException naming the file when it cannot be read or none of its points is a
   *     frame of the project
   */
  public static Embedding fromProjection(ReviewProject project, Path file) {
    ProjectionCsv.Points points = ProjectionCsv.read(file);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < points.snames().size(); i++) {
      index.put(points.snames().get(i), i);
    }
    double[][] xy = new double[project.size()][];
    int missing = 0;
    for (int r = 0; r < project.size(); r++) {
      Integer i = index.get(project.sname(r));
      if (i == null) {
        xy[r] = new double[] {Double.NaN, Double.NaN};
        missing++;
      } else {
        xy[r] = points.xy()[i].clone();
      }
    }
    if (missing == project.size()) {
      throw new BadInputException(
          file,
          "none of its "
              + points.snames().size()
              + " points is a frame of "
              + project.scoresFile()
              + " (by sname); give the projection of the same feature table");
    }
    return new Embedding(xy, "coordinates from " + file.getFileName(), missing);
  }

  /** Whether row {@code r} has a point. */
  public boolean has(int r) {
    return !Double.isNaN(xy[r][0]) && !Double.isNaN(xy[r][1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e
        && Arrays.deepEquals(xy, e.xy)
        && source.equals(e.source)
        && missing == e.missing;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(xy) + source.hashCode();
  }

  @Override
  public String toString() {
    return "Embedding[" + xy.length + " rows, " + source + ", " + missing + " missing]";
  }
}
