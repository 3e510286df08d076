package org.radioclr.classify.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.progress.ProgressListener;

class ProjectorTest {

  @Test
  void pcaOfPointsOnALineGivesTheLineOnX() {
    int n = 50, dim = 6;
    SplittableRandom r = new SplittableRandom(1);
    double[] dir = {1, -2, 0.5, 3, 0, 1};
    float[][] x = new float[n][dim];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.nextDouble(-5, 5);
      for (int d = 0; d < dim; d++) {
        x[i][d] = (float) (10 + t[i] * dir[d] + 1e-3 * r.nextGaussian());
      }
    }
    double[][] p = Projector.project(x, ProjectionMethod.PCA, 0, ProgressListener.NONE);
    double norm = Math.sqrt(1 + 4 + 0.25 + 9 + 1);
    double maxY = 0;
    double[] px = new double[n];
    for (int i = 0; i < n; i++) {
      px[i] = p[i][0];
      maxY = Math.max(maxY, Math.abs(p[i][1]));
    }
    // x is the position along the line (sign fixed: the largest loading, f3, is positive)
    double meanT = java.util.Arrays.stream(t).average().orElseThrow();
    for (int i = 0; i < n; i++) {
      assertEquals((t[i] - meanT) * norm, px[i], 0.01, "point " + i);
    }
    assertTrue(maxY < 0.01, "off-line spread " + maxY);
  }

  @Test
  void umapSeparatesTwoClustersAndIsSeeded() {
    float[][] x = twoClusters(60, 16);
    double[][] a = Projector.project(x, ProjectionMethod.UMAP, 3, ProgressListener.NONE);
    assertSeparated(a, 60);
    double[][] b = Projector.project(x, ProjectionMethod.UMAP, 3, ProgressListener.NONE);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], 1e-12, "row " + i);
    }
  }

  @Test
  void tsneSeparatesTwoClustersAndReportsIterations() {
    float[][] x = twoClusters(60, 16);
    long[] advanced = {0};
    ProgressListener counting =
        new ProgressListener() {
          @Override
          public void start(String task, long total) {}

          @Override
          public void advance(long done) {
            advanced[0] += done;
          }

          @Override
          public void finish() {}
        };
    double[][] a = Projector.project(x, ProjectionMethod.TSNE, 3, counting);
    assertSeparated(a, 60);
    assertTrue(advanced[0] > 0, "no t-SNE progress reported");
  }

  @Test
  void badInputIsOneClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Projector.project(
                    new float[10][4], ProjectionMethod.UMAP, 1, ProgressListener.NONE));
    assertEquals("umap needs at least 17 rows, got 10", e.getMessage());
    float[][] nan = new float[5][3];
    nan[2][1] = Float.NaN;
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Projector.project(nan, ProjectionMethod.PCA, 1, ProgressListener.NONE));
    assertEquals("row 2, f1 is not finite: NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ProjectionMethod.parse("lda"));
    assertEquals("unknown projection method 'lda', known: [umap, pca, tsne]", e.getMessage());
    assertEquals(ProjectionMethod.TSNE, ProjectionMethod.parse("t-SNE"));
  }

  /** Two Gaussian clusters of {@code m} rows around orthogonal directions. */
  static float[][] twoClusters(int m, int dim) {
    SplittableRandom r = new SplittableRandom(9);
    float[][] x = new float[2 * m][dim];
    for (int i = 0; i < 2 * m; i++) {
      int c = i < m ? 0 : 1;
      for (int d = 0; d < dim; d++) {
        double centre = d == c ? 10 : 0;
        x[i][d] = (float) (centre + r.nextGaussian());
      }
    }
    return x;
  }

  /** Centroid distance at least 3 times the larger cluster's mean radius. */
  static void assertSeparated(double[][] p, int m) {
    double[][] c = new double[2][2];
    for (int i = 0; i < p.length; i++) {
      int k = i < m ? 0 : 1;
      c[k][0] += p[i][0] / m;
      c[k][1] += p[i][1] / m;
    }
    double[] radius = new double[2];
    for (int i = 0; i < p.length; i++) {
      int k = i < m ? 0 : 1;
      radius[k] += Math.hypot(p[i][0] - c[k][0], p[i][1] - c[k][1]) / m;
    }
    double between = Math.hypot(c[0][0] - c[1][0], c[0][1] - c[1][1]);
    assertTrue(
        between > 3 * Math.max(radius[0], radius[1]),
        "centroids " + between + " apart, radii " + radius[0] + ", " + radius[1]);
  }
}
