package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.caesar.CaesarAnnotation;
import org.radioclr.formats.caesar.CaesarClasses;
import org.radioclr.formats.caesar.CaesarObject;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.PixelBox;

/**
 * The detection benchmark (paper §4.2): hulk frames with the instance masks and classes of the
 * sources in them, in caesar-mrcnn's annotation form ({@link TruthAnnotator}, {@link
 * org.radioclr.formats.caesar.CaesarAnnotationWriter}).
 *
 * <p>Only frames that do not overlap each other are used ({@link #nonOverlapping}: with the paper's
 * 256-pixel frames moved by 128 pixels, every other frame along each axis), so that no object
 * appears twice, no train/test split of the frames leaks objects, and the masks (64 KiB per object
 * and frame) stay a quarter of what all frames would need.
 *
 * <p>Under the output folder: {@code annotations/<frame>.json} and {@code
 * annotations/<frame>_obj<k>.fits} for every frame holding at least one annotated object (frames
 * without any are left out: caesar-mrcnn cannot train on an image without masks); {@code
 * filelist.txt}, the absolute paths of those JSON files one per line (caesar-mrcnn's {@code
 * --datalist}); and {@code datalist.json}, one entry per annotated frame with the frame file, the
 * classes present as a label list (ids: {@link DetectionClass} order, SPURIOUS 0 ... FLAGGED 4),
 * and the hulk extras plus {@code annotation} (the JSON, relative to the datalist) and {@code
 * nobjs}.
 */
public final class DetectionSet {
  private DetectionSet() {}

  /**
   * What was written.
   *
   * @param frames annotated frames
   * @param objects annotated objects
   * @param objectsPerClass objects per caesar class name
   */
  public record Result(int frames, int objects, Map<String, Integer> objectsPerClass) {}

  /**
   * Annotates the frames and writes the set under {@code outDir}.
   *
   * @param fields the fields the frames were cut from
   * @param telescope the {@code telescope} written in the annotations
   * @param minSnr smallest peak SNR of an annotated source
   */
  public static Result write(
      List<HulkFrame> frames,
      List<BenchmarkField> fields,
      String telescope,
      double minSnr,
      Path outDir,
      ProgressListener progress) {
    Map<Path, FieldContext> byMap = FieldContext.byMap(fields);
    Map<Path, TruthAnnotator> writers = new HashMap<>();
    byMap.forEach(
        (k, c) ->
            writers.put(
                k,
                new TruthAnnotator(
                    c.header(), c.field().truths(), c.field().name(), telescope, minSnr)));
    List<HulkFrame> used = nonOverlapping(frames);
    Path annotations = outDir.resolve("annotations");
    AtomicFiles.ensureDirectory(annotations);
    progress.start("annotating " + used.size() + " frames", used.size());
    List<CaesarAnnotation> written;
    try {
      written =
          used.parallelStream()
              .map(
                  f -> {
                    CaesarAnnotation a =
                        writer(writers, byMap, f)
                            .annotate(
                                f.image(),
                                f.box(),
                                f.rms(),
                                annotations.resolve(f.entry().sname() + ".json"),
                                true);
                    progress.advance(1);
                    return a;
                  })
              .toList();
    } finally {
      progress.finish();
    }
    List<DatalistEntry> entries = new ArrayList<>();
    StringBuilder filelist = new StringBuilder();
    Map<String, Integer> perClass = new LinkedHashMap<>();
    for (DetectionClass c : DetectionClass.values()) {
      perClass.put(CaesarClasses.name(c), 0);
    }
    int objects = 0;
    for (int i = 0; i < used.size(); i++) {
      CaesarAnnotation a = written.get(i);
      if (a.objects().isEmpty()) {
        continue;
      }
      TreeSet<Integer> classIds = new TreeSet<>();
      for (CaesarObject o : a.objects()) {
        perClass.merge(CaesarClasses.name(o.detectionClass()), 1, Integer::sum);
        classIds.add(o.detectionClass().ordinal());
      }
      objects += a.objects().size();
      List<Integer> ids = new ArrayList<>(classIds);
      List<String> labels = new ArrayList<>();
      for (int id : ids) {
        labels.add(DetectionClass.values()[id].label());
      }
      DatalistEntry e = used.get(i).entry();
      Map<String, Object> extras = new LinkedHashMap<>(e.extras());
      extras.put("annotation", "annotations/" + a.json().getFileName());
      extras.put("nobjs", a.objects().size());
      entries.add(new DatalistEntry(e.files(), e.sname(), ids, labels, extras));
      filelist.append(a.json().toAbsolutePath().normalize()).append('\n');
    }
    AtomicFiles.writeString(outDir.resolve("filelist.txt"), filelist);
    DatalistWriter.writeAll(outDir.resolve("datalist.json"), entries, LabelForm.ALWAYS_LIST);
    return new Result(entries.size(), objects, perClass);
  }

  /**
   * The frames, in order, that overlap no earlier kept frame of the same map (greedy): with square
   * frames moved by half their side, those at even multiples of the step.
   */
  public static List<HulkFrame> nonOverlapping(List<HulkFrame> frames) {
    Map<Path, List<PixelBox>> kept = new HashMap<>();
    List<HulkFrame> out = new ArrayList<>();
    for (HulkFrame f : frames) {
      List<PixelBox> boxes = kept.computeIfAbsent(f.map(), k -> new ArrayList<>());
      if (boxes.stream().noneMatch(b -> b.intersects(f.box()))) {
        boxes.add(f.box());
        out.add(f);
      }
    }
    return out;
  }

  private static TruthAnnotator writer(
      Map<Path, TruthAnnotator> writers, Map<Path, FieldContext> byMap, HulkFrame f) {
    FieldContext.of(byMap, f); // names the frame when its map is not a field
    return writers.get(f.map());
  }
}
