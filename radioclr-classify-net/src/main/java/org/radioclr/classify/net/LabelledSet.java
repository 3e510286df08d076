package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.EntryFiles;

/**
 * The images of a labelled datalist with their true classes, one FITS file per image.
 *
 * @param datalist the datalist file (named in errors)
 * @param snames source names, one per image
 * @param files the FITS file of each image
 * @param truth {@code [images][*]} class indices of each image (exactly one when single-label)
 */
public record LabelledSet(Path datalist, List<String> snames, List<Path> files, int[][] truth) {

  /** Checks the sizes agree. */
  public LabelledSet {
    Objects.requireNonNull(datalist, "datalist");
    snames = List.copyOf(snames);
    files = List.copyOf(files);
    Objects.requireNonNull(truth, "truth");
    if (snames.size() != files.size() || truth.length != files.size()) {
      throw new IllegalArgumentException("snames, files and truth must have one row per image");
    }
  }

  /**
   * The labelled images of {@code entries}, read from {@code datalist}.
   *
   * @throws BadInputException naming the datalist when it is empty, an entry has several files, a
   *     file is missing, or a label is not one of {@code classes}
   */
  public static LabelledSet of(Path datalist, List<DatalistEntry> entries, Classes classes) {
    if (entries.isEmpty()) {
      throw new BadInputException(datalist, "has no entries");
    }
    List<String> snames = new ArrayList<>(entries.size());
    List<Path> files = EntryFiles.singleFiles(datalist, entries, "the classifier");
    int[][] truth = new int[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      DatalistEntry e = entries.get(i);
      int[] t = new int[e.labels().size()];
      for (int k = 0; k < t.length; k++) {
        String label = e.labels().get(k);
        if (!classes.names().contains(label)) {
          throw new BadInputException(
              datalist,
              "entry '" + e.sname() + "' has label '" + label + "', not one of " + classes.names());
        }
        t[k] = classes.indexOf(label);
      }
      snames.add(e.sname());
      truth[i] = t;
    }
    return new LabelledSet(datalist, snames, files, truth);
  }

  /** Number of images. */
  public int size() {
    return files.size();
  }

  /** The images at {@code indices}, in that order. */
  public LabelledSet subset(int[] indices) {
    List<String> s = new ArrayList<>(indices.length);
    List<Path> f = new ArrayList<>(indices.length);
    int[][] t = new int[indices.length][];
    for (int j = 0; j < indices.length; j++) {
      s.add(snames.get(indices[j]));
      f.add(files.get(indices[j]));
      t[j] = truth[indices[j]];
    }
    return new LabelledSet(datalist, s, f, t);
  }
}
