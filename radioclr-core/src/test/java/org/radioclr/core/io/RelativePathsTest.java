package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RelativePathsTest {
  @Test
  void relativeInsideACommonFolderAbsoluteOtherwise() {
    Path base = Path.of("/data/run/anomaly");
    assertEquals(
        "frames/a.fits", RelativePaths.from(base, Path.of("/data/run/anomaly/frames/a.fits")));
    assertEquals(
        "../hulk/frames/a.fits", RelativePaths.from(base, Path.of("/data/run/hulk/frames/a.fits")));
    assertEquals("/other/place/a.fits", RelativePaths.from(base, Path.of("/other/place/a.fits")));
    assertEquals(
        base.getParent().resolve("hulk/x.fits").normalize(),
        base.resolve("../hulk/x.fits").normalize());
  }
}
