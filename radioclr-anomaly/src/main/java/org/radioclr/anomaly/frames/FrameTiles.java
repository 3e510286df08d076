package org.radioclr.anomaly.frames;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.radioclr.core.image.ContactSheet;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.preprocess.TooManyInvalidPixelsException;

/**
 * Contact-sheet tiles of frames as the network sees them: the paper's 3-channel pre-processing
 * ({@link PreprocessConfig#paper()}) resized to {@code size x size}, {@code [3][size][size]} floats
 * in [0, 1]. A frame with too many blank pixels to pre-process becomes a mid-grey tile.
 */
public final class FrameTiles {
  /** Default tile side in pixels. */
  public static final int DEFAULT_SIZE = 128;

  private final Preprocessor preprocessor;
  private final int size;

  public FrameTiles(int size) {
    if (size < 8) {
      throw new IllegalArgumentException("tile size must be >= 8 pixels, got " + size);
    }
    this.size = size;
    this.preprocessor = new Preprocessor(PreprocessConfig.paper().withOutputSize(size, size));
  }

  /** Tile side in pixels. */
  public int size() {
    return size;
  }

  /** The tile of one frame. */
  public float[] tile(Plane frame) {
    float[] out = new float[3 * size * size];
    try {
      preprocessor.processInto(frame, out, 0);
    } catch (TooManyInvalidPixelsException e) {
      Arrays.fill(out, 0.5f);
    }
    return out;
  }

  /** Writes tiles as a contact sheet, {@code columns} per row, first at the top left. */
  public void writeSheet(Path png, List<float[]> tiles, int columns) {
    ContactSheet.write(png, tiles, size, size, columns);
  }
}
