package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ImageSplitsTest {
  @Test
  void drawsAreBalancedDisjointAndRepeatWithTheSeed(@TempDir Path dir) throws IOException {
    Path train = NetFixtures.datalist(dir, "train", 8, 1);
    Path test = NetFixtures.datalist(dir, "test", 6, 2);
    // 7 images per class pooled: 4 + 2 per class fit
    ImageSplits s = ImageSplits.draw(train, test, 4, 2, 3, 7);
    assertEquals(14, s.pool().size());
    assertEquals(List.of(train, test), s.sources());
    assertFalse(s.draws().reduced());
    assertEquals(3, s.size());
    for (int j = 0; j < 3; j++) {
      ClassificationData d = s.split(j);
      assertFalse(d.multiLabel());
      assertEquals(List.of("POINT", "DOUBLE"), d.classes().names());
      assertEquals(8, d.train().size());
      assertEquals(4, d.test().size());
      Set<String> tr = new HashSet<>(d.train().snames());
      for (String name : d.test().snames()) {
        assertFalse(tr.contains(name), name + " in both sets of split " + j);
      }
      assertEquals(2, count(d.test().truth(), 0));
      assertEquals(4, count(d.train().truth(), 1));
    }
    // the same seed gives the same draws, another seed others
    assertEquals(s.draws().splits(), ImageSplits.draw(train, test, 4, 2, 3, 7).draws().splits());
    assertNotEquals(s.draws().splits(), ImageSplits.draw(train, test, 4, 2, 3, 8).draws().splits());

    Path csv = dir.resolve("splits.csv");
    s.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("split,set,sname,label", lines.get(0));
    assertEquals(1 + 3 * 12, lines.size());
    String firstTest = s.split(0).test().snames().get(0);
    assertTrue(
        lines.contains("1,test," + firstTest + "," + label(s, 0, firstTest)), lines.toString());
    assertTrue(s.describe().startsWith("3 class-balanced random train/test draws from the 14"));
  }

  @Test
  void withoutATestSetTheDrawsComeFromTheTrainingSetAndShrinkToTheRarestClass(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir, "train", 8, 1);
    ImageSplits s = ImageSplits.draw(train, null, 1000, 600, 1, 1);
    assertEquals(List.of(train), s.sources());
    assertTrue(s.draws().reduced());
    // 4 per class: floor(4 * 1000 / 1600) = 2 train, floor(4 * 600 / 1600) = 1 test
    assertEquals(4, s.split(0).train().size());
    assertEquals(2, s.split(0).test().size());
    assertTrue(s.describe().contains("the rarest class"), s.describe());
  }

  @Test
  void badInputIsNamed(@TempDir Path dir) throws IOException {
    Path train = NetFixtures.datalist(dir, "train", 8, 1);
    Path multi = dir.resolve("multi.json");
    Files.writeString(
        multi,
        "{\"data\": [{\"filepaths\": [\"train-0.fits\"], \"sname\": \"a\", \"id\": [0, 1],"
            + " \"label\": [\"POINT\", \"DOUBLE\"]}]}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> ImageSplits.draw(train, multi, 2, 1, 2, 1));
    assertEquals(
        multi + ": entry 'a' has 2 labels; --splits needs single-label data", e.getMessage());
    IllegalArgumentException k =
        assertThrows(
            IllegalArgumentException.class, () -> ImageSplits.draw(train, null, 2, 1, 0, 1));
    assertEquals("--splits must be >= 1, got 0", k.getMessage());
  }

  private static int count(int[][] truth, int c) {
    int n = 0;
    for (int[] t : truth) {
      n += t[0] == c ? 1 : 0;
    }
    return n;
  }

  private static String label(ImageSplits s, int j, String sname) {
    ClassificationData d = s.split(j);
    int i = d.test().snames().indexOf(sname);
    return d.classes().names().get(d.test().truth()[i][0]);
  }
}
