package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;

class LabelledSetTest {
  @TempDir Path dir;

  @Test
  void aFolderIsCalledAFolderAndAMissingFileNotFound() throws IOException {
    Path datalist = dir.resolve("d.json");
    Path file = Files.writeString(dir.resolve("a.fits"), "x");
    Path folder = Files.createDirectories(dir.resolve("b.fits"));
    Path gone = dir.resolve("c.fits");
    List<DatalistEntry> entries =
        List.of(
            DatalistEntry.labelled(file, "a", 0, "FRI"),
            DatalistEntry.labelled(folder, "b", 1, "FRII"),
            DatalistEntry.labelled(gone, "c", 1, "FRII"));
    Classes classes = Classes.of(datalist, entries);
    BadInputException e =
        assertThrows(BadInputException.class, () -> LabelledSet.of(datalist, entries, classes));
    assertEquals(
        datalist
            + ": data[1] (sname b): is a folder, not a FITS file: "
            + folder
            + " (and 1 more missing or not a file)",
        e.getMessage());
  }
}
