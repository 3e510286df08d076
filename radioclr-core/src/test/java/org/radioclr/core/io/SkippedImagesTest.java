package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.preprocess.TooManyInvalidPixelsException;

class SkippedImagesTest {
  @TempDir Path dir;

  @Test
  void groupsImagesByReasonAndSaysItInOneLine() throws IOException {
    List<String> verbose = new ArrayList<>();
    SkippedImages s = new SkippedImages(e -> verbose.add(e.line()));
    Path a = dir.resolve("a.fits");
    assertTrue(s.add(a, "A", new TooManyInvalidPixelsException(0.322, 0.3)));
    assertFalse(s.add(a, "A", new TooManyInvalidPixelsException(0.322, 0.3)), "once per file");
    Path b = dir.resolve("b.fits");
    // as Preprocessor.process(plane, file) reports it
    s.add(
        b,
        null,
        new BadInputException(
            b,
            "46.0% of pixels are blank or NaN (limit 30%)",
            new TooManyInvalidPixelsException(0.46, 0.3)));
    Path c = dir.resolve("c,1.fits");
    s.add(c, "C", new BadInputException(c, "not a FITS file (no SIMPLE card)"));
    Path d = dir.resolve("d.fits");
    s.add(d, "D", new IllegalArgumentException("image is 1x1"));

    assertEquals(4, s.count());
    assertEquals(
        Map.of(
            "more than 30% of pixels blank or NaN", 2,
            "not a FITS file (no SIMPLE card)", 1,
            "image is 1x1", 1),
        s.byReason());
    assertEquals(
        "more than 30% of pixels blank or NaN",
        s.byReason().keySet().iterator().next(), "most common first");
    assertEquals(
        List.of(
            "skipping image " + a + ": 32.2% of pixels are blank or NaN (limit 30%)",
            "skipping image " + b + ": 46.0% of pixels are blank or NaN (limit 30%)",
            "skipping image " + c + ": not a FITS file (no SIMPLE card)",
            "skipping image " + d + ": image is 1x1"),
        verbose);

    Path csv = dir.resolve(SkippedImages.FILE_NAME);
    String line = s.writeAndSummarise(100, csv);
    assertEquals(
        "skipped 4 of 100 images (more than 30% of pixels blank or NaN: 2;"
            + " not a FITS file (no SIMPLE card): 1; 1 for other reasons);"
            + " the list with reasons is in "
            + csv,
        line);
    assertEquals(
        List.of(
            "file,sname,reason,detail",
            a
                + ",A,more than 30% of pixels blank or NaN,"
                + "32.2% of pixels are blank or NaN (limit 30%)",
            b
                + ",,more than 30% of pixels blank or NaN,"
                + "46.0% of pixels are blank or NaN (limit 30%)",
            "\"" + c + "\",C,not a FITS file (no SIMPLE card),not a FITS file (no SIMPLE card)",
            d + ",D,image is 1x1,image is 1x1"),
        Files.readAllLines(csv));
  }

  @Test
  void oneReasonIsNamedAlone() {
    SkippedImages s = new SkippedImages();
    assertTrue(s.isEmpty());
    s.add(dir.resolve("x.fits"), "x", new TooManyInvalidPixelsException(1, 0.3));
    assertEquals(
        "skipped 1 of 1 image (more than 30% of pixels blank or NaN: 1);"
            + " the list with reasons is in out/skipped.csv",
        s.summary(1, Path.of("out", "skipped.csv")));
  }
}
