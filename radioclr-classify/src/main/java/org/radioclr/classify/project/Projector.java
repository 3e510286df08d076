package org.radioclr.classify.project;

import java.util.concurrent.Flow;
import org.radioclr.core.progress.ProgressListener;
import smile.feature.extraction.PCA;
import smile.manifold.TSNE;
import smile.manifold.UMAP;
import smile.math.MathEx;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Projects feature vectors to two dimensions for plots like the paper's Fig. 4 (UMAP of the 512
 * SimCLR features, coloured by class) and Fig. 5(g)/A.3 (coloured by noise rms), with Smile 4.4.
 *
 * <ul>
 *   <li>PCA: the top-2 principal components of the centred features (covariance, no scaling), each
 *       component's sign chosen so that its largest loading is positive.
 *   <li>UMAP: on L2-normalised rows (so Euclidean distances rank neighbours as the cosine
 *       similarity that SimCLR trains on); {@code k} = 15 neighbours, min_dist 0.1, Smile's
 *       defaults otherwise.
 *   <li>t-SNE: on L2-normalised rows reduced to their top-50 principal components (the usual
 *       speed-up), perplexity 30, learning rate 200, early exaggeration 12, 1000 iterations.
 *       Smile's t-SNE is exact, {@code O(n^2)} per iteration: about 100 s for 3000 rows on 2 cores.
 * </ul>
 *
 * UMAP and t-SNE draw from Smile's per-thread generator, seeded here with {@link
 * MathEx#setSeed(long)} on the calling thread.
 */
public final class Projector {
  /** UMAP neighbours. */
  public static final int UMAP_NEIGHBOURS = 15;

  /** t-SNE perplexity. */
  public static final double TSNE_PERPLEXITY = 30;

  /** t-SNE iterations. */
  public static final int TSNE_ITERATIONS = 1000;

  /** Dimensions kept by PCA before t-SNE. */
  public static final int TSNE_PCA_DIMENSIONS = 50;

  private static final String SMILE_LOG_PROPERTY = "org.slf4j.simpleLogger.log.smile";

  private Projector() {}

  /**
   * Projects rows to 2-D.
   *
   * @param features {@code [n][dim]}, finite, dim &ge; 2
   * @param seed seeds UMAP and t-SNE (PCA is deterministic)
   * @param progress told of t-SNE iterations; UMAP and PCA report start and finish only
   * @return {@code [n][2]} coordinates
   * @throws IllegalArgumentException for too few rows (PCA 2, UMAP and t-SNE more than their
   *     neighbourhoods: 17 and 92), ragged rows or a non-finite value (naming the row)
   */
  public static double[][] project(
      float[][] features, ProjectionMethod method, long seed, ProgressListener progress) {
    if (System.getProperty(SMILE_LOG_PROPERTY) == null) {
      // Smile logs every UMAP epoch and t-SNE step at INFO
      System.setProperty(SMILE_LOG_PROPERTY, "warn");
    }
    int n = features.length;
    int min =
        switch (method) {
          case PCA -> 2;
          case UMAP -> UMAP_NEIGHBOURS + 2;
          case TSNE -> (int) (3 * TSNE_PERPLEXITY) + 2;
        };
    if (n < min) {
      throw new IllegalArgumentException(
          method.cliName() + " needs at least " + min + " rows, got " + n);
    }
    double[][] x = toDouble(features);
    if (x[0].length < 2) {
      throw new IllegalArgumentException("need at least 2 features, got " + x[0].length);
    }
    MathEx.setSeed(seed);
    return switch (method) {
      case PCA -> {
        progress.start("PCA of " + n + " rows", -1);
        try {
          yield pca(x, 2);
        } finally {
          progress.finish();
        }
      }
      case UMAP -> {
        progress.start("UMAP of " + n + " rows", -1);
        try {
          // Smile's defaults: 2-D, epochs by size (500 below 10000 rows), min_dist 0.1
          yield UMAP.fit(normalizeRows(x), new UMAP.Options(UMAP_NEIGHBOURS));
        } finally {
          progress.finish();
        }
      }
      case TSNE -> tsne(x, seed, progress);
    };
  }

  private static double[][] tsne(double[][] x, long seed, ProgressListener progress) {
    double[][] unit = normalizeRows(x);
    double[][] reduced =
        unit[0].length > TSNE_PCA_DIMENSIONS ? pca(unit, TSNE_PCA_DIMENSIONS) : unit;
    progress.start("t-SNE of " + x.length + " rows", TSNE_ITERATIONS);
    try (IterativeAlgorithmController<AlgoStatus> controller =
        new IterativeAlgorithmController<>(Runnable::run, 16)) {
      controller.subscribe(new Counter(progress));
      TSNE.Options options =
          new TSNE.Options(
              2,
              TSNE_PERPLEXITY,
              200,
              12,
              TSNE_ITERATIONS,
              50,
              1e-7,
              0.5,
              0.8,
              250,
              0.01,
              controller);
      MathEx.setSeed(seed);
      return TSNE.fit(reduced, options).coordinates();
    } finally {
      progress.finish();
    }
  }

  /** Top-{@code k} principal-component scores, signs fixed by the largest loading. */
  static double[][] pca(double[][] x, int k) {
    PCA pca = PCA.fit(x).getProjection(k);
    double[][] p = pca.apply(x);
    var loadings = pca.loadings();
    for (int c = 0; c < k; c++) {
      double big = 0;
      for (int j = 0; j < loadings.nrow(); j++) {
        double v = loadings.get(j, c);
        if (Math.abs(v) > Math.abs(big)) {
          big = v;
        }
      }
      if (big < 0) {
        for (double[] row : p) {
          row[c] = -row[c];
        }
      }
    }
    return p;
  }

  static double[][] toDouble(float[][] features) {
    int dim = features.length == 0 ? 0 : features[0].length;
    double[][] x = new double[features.length][dim];
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + features[i].length + " features, expected " + dim);
      }
      for (int j = 0; j < dim; j++) {
        float v = features[i][j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("row " + i + ", f" + j + " is not finite: " + v);
        }
        x[i][j] = v;
      }
    }
    return x;
  }

  /** Rows scaled to unit length (a zero row stays zero). */
  static double[][] normalizeRows(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (double v : x[i]) {
        s += v * v;
      }
      double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      out[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        out[i][j] = x[i][j] * inv;
      }
    }
    return out;
  }

  /** Advances the progress to each reported iteration (t-SNE reports every 10th). */
  private static final class Counter implements Flow.Subscriber<AlgoStatus> {
    private final ProgressListener progress;
    private int done;

    Counter(ProgressListener progress) {
      this.progress = progress;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(AlgoStatus item) {
      int now = Math.min(item.iteration(), TSNE_ITERATIONS);
      if (now > done) {
        progress.advance(now - done);
        done = now;
      }
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
