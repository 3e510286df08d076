package org.radioclr.serve.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.radioclr.anomaly.frames.LocatedFrame;
import org.radioclr.anomaly.similar.CosineIndex;
import org.radioclr.anomaly.similar.Neighbour;
import org.radioclr.classify.project.ProjectionMethod;
import org.radioclr.classify.project.Projector;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.serve.db.RatingStore;
import org.radioclr.serve.db.ReviewState;
import org.radioclr.serve.db.User;
import org.radioclr.serve.learn.NeighbourScore;

/**
 * The review of one project: each user's ratings ({@link RatingStore}) and learned scores
 * (NeighbourScore, retrained on request from that user's ratings). Thread-safe.
 */
public final class ReviewService {
  private final ReviewProject project;
  private final RatingStore ratings;
  private final NeighbourScore learner;
  private final Map<Long, double[]> learned = new ConcurrentHashMap<>();
  private Embedding embedding;
  private CosineIndex index;

  public ReviewService(ReviewProject project, RatingStore ratings, NeighbourScore learner) {
    this(project, ratings, learner, null);
  }

  /**
   * @param projection coordinates from {@code radioclr project} for the 2-D view, or null (a PCA of
   *     the features, computed when first asked for)
   * @throws org.radioclr.core.BadInputException naming the projection file when it cannot be used
   */
  public ReviewService(
      ReviewProject project, RatingStore ratings, NeighbourScore learner, Path projection) {
    this.project = project;
    this.ratings = ratings;
    this.learner = learner;
    this.embedding = projection == null ? null : Embedding.fromProjection(project, projection);
  }

  /** The project. */
  public ReviewProject project() {
    return project;
  }

  /** The ratings. */
  public RatingStore ratings() {
    return ratings;
  }

  /** The raw scores, by row. */
  public double[] rawScores() {
    return project.table().scores();
  }

  /** The user's learned scores, if retrained since the server started. */
  public Optional<double[]> learnedScores(long userId) {
    return Optional.ofNullable(learned.get(userId)).map(double[]::clone);
  }

  /** The scores to order by: learned when asked for and available, else raw. */
  public double[] scores(long userId, boolean learnedWanted) {
    if (learnedWanted) {
      double[] l = learned.get(userId);
      if (l != null) {
        return l;
      }
    }
    return rawScores();
  }

  /**
   * Retrains the user's learned scores from their ratings.
   *
   * @return the number of ratings used
   * @throws IllegalStateException when the project has no features or the user has no rating
   */
  public int retrain(User user) {
    if (!project.hasFeatures()) {
      throw new IllegalStateException(
          "no feature table was given (--features), so there is no learned ranking");
    }
    Map<String, ReviewState> states = ratings.states(user.id());
    List<Integer> rows = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Map.Entry<String, ReviewState> e : states.entrySet()) {
      if (e.getValue().rated()) {
        project
            .row(e.getKey())
            .ifPresent(
                r -> {
                  rows.add(r);
                  values.add((double) e.getValue().rating());
                });
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("rate at least one frame before retraining");
    }
    int[] rated = rows.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(rated);
    double[] r = new double[rated.length];
    for (int i = 0; i < rated.length; i++) {
      r[i] = states.get(project.sname(rated[i])).rating();
    }
    learned.put(user.id(), learner.score(project.features(), rawScores(), rated, r));
    return rated.length;
  }

  /**
   * The 2-D view: the projection file's coordinates when one was given, else a PCA of every frame's
   * features (computed once); empty with neither.
   */
  public synchronized Optional<Embedding> embedding() {
    if (embedding != null) {
      return Optional.of(embedding);
    }
    if (!project.hasFeatures() || project.size() < 2) {
      return Optional.empty();
    }
    embedding =
        new Embedding(
            Projector.project(project.features(), ProjectionMethod.PCA, 1, ProgressListener.NONE),
            "PCA of the features",
            0);
    return Optional.of(embedding);
  }

  /** The {@code k} frames most similar to {@code row} by cosine of their features, best first. */
  public synchronized List<Neighbour> similar(int row, int k) {
    if (!project.hasFeatures()) {
      return List.of();
    }
    if (index == null) {
      index = CosineIndex.of(project.features(), 1);
    }
    return index.searchRows(new int[] {row}, k).get(0);
  }

  /** The user's rated frames as export rows, best first by the scores the review uses. */
  public List<RatedRow> rated(User user, boolean learnedWanted) {
    double[] scores = scores(user.id(), learnedWanted);
    Map<String, ReviewState> states = ratings.states(user.id());
    List<Integer> order =
        Ranking.order(
            project,
            scores,
            states,
            new CandidateFilter(null, null, null, null, true, null, null, null),
            false);
    List<RatedRow> out = new ArrayList<>();
    for (int row : order) {
      ReviewState s = states.get(project.sname(row));
      Optional<SkyCoord> c = project.centre(row);
      List<SkyCoord> corners = List.of();
      try {
        LocatedFrame f = project.locate(row);
        corners = List.of(f.corners(CelestialFrame.FK5));
      } catch (RadioclrException e) {
        // a frame without WCS has no footprint; it is still listed in the tables
      }
      out.add(
          new RatedRow(
              project.sname(row),
              Math.max(0, Math.min(1, scores[row])),
              project.table().score(row),
              s.rating(),
              String.join(";", s.tags()),
              s.note(),
              user.name(),
              project.table().labels().get(row),
              c.map(SkyCoord::lon).orElse(Double.NaN),
              c.map(SkyCoord::lat).orElse(Double.NaN),
              corners));
    }
    return out;
  }
}
