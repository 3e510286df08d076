package org.radioclr.detect.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.clique.BronKerboschCliqueFinder;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.labels.DetectionClass;

/**
 * caesar-mrcnn's selection of the detections of one image before matching ({@code Analyzer} in
 * {@code mrcnn/evaluation.py} of caesar-mrcnn-tf2, with its defaults: no mask splitting, merging
 * on, best-of-clique selection on, spurious kept apart from sources):
 *
 * <ol>
 *   <li>drop detections scoring below the score threshold; sort by score, highest first;
 *   <li>merge: link detections of the same class that are connected ({@link PixelSet#connected})
 *       with mask IoU at least the merge threshold; each connected group of links becomes one
 *       detection, the union of the masks, with the group's mean score;
 *   <li>select: link merged detections that are connected, except a spurious/non-spurious pair with
 *       mask IoU below the merge threshold; in every maximal clique of links (taken by their best
 *       score, highest first) all but the best-scoring member are dropped.
 * </ol>
 */
public final class CaesarPostProcess {
  private final EvalConfig config;

  public CaesarPostProcess(EvalConfig config) {
    this.config = config;
  }

  /** The detections kept, in caesar-mrcnn's order. */
  public List<Instance> apply(List<Instance> detections) {
    List<Instance> sel = new ArrayList<>();
    for (Instance d : detections) {
      if (d.score() >= config.scoreThreshold()) {
        sel.add(d);
      }
    }
    sel.sort(Comparator.comparingDouble(Instance::score).reversed());
    return select(merge(sel));
  }

  private List<Instance> merge(List<Instance> det) {
    int n = det.size();
    Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Instance a = det.get(i);
        Instance b = det.get(j);
        if (a.detectionClass() == b.detectionClass()
            && a.pixels().connected(b.pixels())
            && a.pixels().iou(b.pixels()) >= config.mergeIouThreshold()) {
          g.addEdge(i, j);
        }
      }
    }
    List<Instance> out = new ArrayList<>();
    List<Set<Integer>> groups = new ConnectivityInspector<>(g).connectedSets();
    groups.sort(
        Comparator.comparingInt(s -> s.stream().mapToInt(Integer::intValue).min().orElse(0)));
    for (Set<Integer> group : groups) {
      List<Integer> members = group.stream().sorted().toList();
      PixelSet mask = det.get(members.get(0)).pixels();
      double score = 0;
      for (int k : members) {
        mask = k == members.get(0) ? mask : mask.union(det.get(k).pixels());
        score += det.get(k).score();
      }
      out.add(new Instance(mask, det.get(members.get(0)).detectionClass(), score / members.size()));
    }
    return out;
  }

  private List<Instance> select(List<Instance> merged) {
    int n = merged.size();
    Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Instance a = merged.get(i);
        Instance b = merged.get(j);
        if (!a.pixels().connected(b.pixels())) {
          continue;
        }
        boolean spuriousOther =
            (a.detectionClass() == DetectionClass.SPURIOUS)
                != (b.detectionClass() == DetectionClass.SPURIOUS);
        if (spuriousOther && a.pixels().iou(b.pixels()) < config.mergeIouThreshold()) {
          continue;
        }
        g.addVertex(i);
        g.addVertex(j);
        g.addEdge(i, j);
      }
    }
    record Clique(List<Integer> members, int best, double bestScore) {}
    List<Clique> cliques = new ArrayList<>();
    for (Set<Integer> c : new BronKerboschCliqueFinder<>(g)) {
      List<Integer> members = c.stream().sorted().toList();
      int best = -1;
      double bestScore = -1;
      for (int k : members) {
        if (merged.get(k).score() > bestScore) {
          bestScore = merged.get(k).score();
          best = k;
        }
      }
      cliques.add(new Clique(members, best, bestScore));
    }
    cliques.sort(Comparator.comparingDouble(Clique::bestScore).reversed());
    boolean[] selected = new boolean[n];
    java.util.Arrays.fill(selected, true);
    for (Clique c : cliques) {
      for (int k : c.members()) {
        if (k != c.best()) {
          selected[k] = false;
        }
      }
    }
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (selected[i]) {
        out.add(merged.get(i));
      }
    }
    return out;
  }
}
