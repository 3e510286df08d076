package org.radioclr.evaluate;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;

/**
 * The raw-pixel baseline's input: each image pre-processed with the encoder's own recipe but
 * resized to {@code size x size}, flattened to {@code [C * size * size]} floats in {@code
 * [C][H][W]} order. A logistic regression on these rows measures what the pixels alone give.
 */
public final class RawPixels {
  private RawPixels() {}

  /**
   * The rows of the entries marked in {@code wanted}.
   *
   * @param recipe the encoder's pre-processing (its output size is replaced by {@code size})
   * @param wanted {@code [entries]} which entries to read; others get null
   * @return {@code [entries][C * size * size]}, null where not wanted
   * @throws org.radioclr.core.BadInputException naming the file of an image that cannot be read or
   *     pre-processed (the encoder has read it already, so this is unexpected)
   */
  public static float[][] of(
      PreprocessConfig recipe, List<DatalistEntry> entries, boolean[] wanted, int size) {
    Preprocessor preprocessor = new Preprocessor(recipe.withOutputSize(size, size));
    float[][] rows = new float[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      if (wanted[i]) {
        Path file = entries.get(i).files().get(0);
        rows[i] = preprocessor.process(FitsReader.read(file).plane(), file).data().clone();
      }
    }
    return rows;
  }
}
