package org.radioclr.core.datalist;

/**
 * How {@link DatalistWriter} writes the {@code id} and {@code label} of an entry.
 *
 * <p>The reader accepts both forms and always yields lists, so a single-element list and a scalar
 * read the same; the writer chooses the form for the whole file.
 */
public enum LabelForm {
  /**
   * {@code "label":"FRII","id":1} when an entry has one label, lists when it has several (the
   * common form of single-label data sets; the default).
   */
  SCALAR_WHEN_SINGLE,
  /** Always lists, {@code "label":["FRII"],"id":[1]}, as multi-label readers expect. */
  ALWAYS_LIST
}
