package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.labels.FrameLabel;

/**
 * The anomaly benchmark (paper §5.1): every hulk frame with its multi-label annotation ({@link
 * FrameLabeler}), as a datalist whose entries are the hulk entries (files, sname and extras kept)
 * with {@code "label": ["COMPACT", "RADIO-GALAXY"]} and {@code "id": [1, 3]}, always as lists, ids
 * from {@link FrameLabeler#id}.
 */
public final class AnomalySet {
  private AnomalySet() {}

  /**
   * Labels the frames and writes the datalist atomically.
   *
   * @param frames hulk frames of the fields' maps
   * @param fields the fields
   * @return frames per label
   */
  public static Map<FrameLabel, Integer> write(
      List<HulkFrame> frames,
      List<BenchmarkField> fields,
      FrameLabelRules rules,
      Path datalist,
      ProgressListener progress) {
    Map<Path, FieldContext> byMap = FieldContext.byMap(fields);
    Map<Path, FrameLabeler> labelers = new java.util.HashMap<>();
    byMap.forEach((k, c) -> labelers.put(k, new FrameLabeler(rules, c.beamAreaPixels())));
    progress.start("labelling " + frames.size() + " frames", frames.size());
    List<List<FrameLabel>> labels;
    try {
      labels =
          frames.parallelStream()
              .map(
                  f -> {
                    FieldContext c = FieldContext.of(byMap, f);
                    List<FrameLabel> l =
                        labelers.get(f.map()).labels(f.box(), c.sources(), c.field().mosaicking());
                    progress.advance(1);
                    return l;
                  })
              .toList();
    } finally {
      progress.finish();
    }
    Map<FrameLabel, Integer> counts = new EnumMap<>(FrameLabel.class);
    for (FrameLabel l : FrameLabel.values()) {
      counts.put(l, 0);
    }
    List<DatalistEntry> entries = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      DatalistEntry e = frames.get(i).entry();
      List<FrameLabel> l = labels.get(i);
      List<Integer> ids = new ArrayList<>(l.size());
      List<String> names = new ArrayList<>(l.size());
      for (FrameLabel fl : l) {
        ids.add(FrameLabeler.id(fl));
        names.add(fl.label());
        counts.merge(fl, 1, Integer::sum);
      }
      entries.add(new DatalistEntry(e.files(), e.sname(), ids, names, e.extras()));
    }
    DatalistWriter.writeAll(datalist, entries, LabelForm.ALWAYS_LIST);
    return counts;
  }
}
