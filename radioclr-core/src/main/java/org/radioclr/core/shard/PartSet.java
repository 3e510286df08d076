package org.radioclr.core.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;

/**
 * A complete set of part files of one output, in shard order: every shard {@code 0..N-1} of the
 * same {@code N} present exactly once, all parts of the same output name ({@link Shard#partOf}).
 *
 * @param whole the output the parts make (beside the parts)
 * @param count number of shards
 * @param parts the part files, shard 0 first
 */
public record PartSet(Path whole, int count, List<Path> parts) {
  public PartSet {
    parts = List.copyOf(parts);
  }

  /**
   * Checks the given part files.
   *
   * @throws BadInputException naming the file whose name is not a part's, or a part of another
   *     output or shard count, or the first missing part
   * @throws RadioclrException when no file is given or a shard is given twice
   */
  public static PartSet of(List<Path> files) {
    if (files.isEmpty()) {
      throw new RadioclrException("no part files given");
    }
    List<Shard.Part> parts = new ArrayList<>();
    for (Path f : files) {
      parts.add(
          Shard.ofPart(f)
              .orElseThrow(
                  () ->
                      new BadInputException(
                          f,
                          "not a part file: a shard's part is named NAME.part-IIII-of-NNNN.EXT"
                              + " (written by --shard I/N)")));
    }
    Shard.Part head = parts.get(0);
    Path[] byIndex = new Path[head.shard().count()];
    for (Shard.Part p : parts) {
      if (p.shard().count() != head.shard().count()) {
        throw new BadInputException(
            p.file(),
            "part of "
                + p.shard().count()
                + " shards, but "
                + head.file()
                + " is one of "
                + head.shard().count()
                + " (parts of one run only)");
      }
      if (!sameFile(p.whole(), head.whole())) {
        throw new BadInputException(
            p.file(),
            "part of "
                + p.whole().getFileName()
                + ", but "
                + head.file()
                + " is part of "
                + head.whole().getFileName());
      }
      Path seen = byIndex[p.shard().index()];
      if (seen != null && !sameFile(seen, p.file())) {
        throw new RadioclrException(
            "shard " + p.shard() + " given twice: " + seen + " and " + p.file());
      }
      byIndex[p.shard().index()] = p.file();
    }
    for (int i = 0; i < byIndex.length; i++) {
      Path expected = new Shard(i, byIndex.length).partOf(head.whole());
      if (byIndex[i] == null) {
        throw new BadInputException(
            expected,
            "missing part "
                + i
                + " of "
                + byIndex.length
                + " (not given; run shard "
                + i
                + "/"
                + byIndex.length
                + ", or pass the file)");
      }
      if (!Files.isRegularFile(byIndex[i])) {
        throw new BadInputException(
            byIndex[i],
            "missing part "
                + i
                + " of "
                + byIndex.length
                + ": no such file (run shard "
                + i
                + "/"
                + byIndex.length
                + ")");
      }
    }
    return new PartSet(head.whole(), byIndex.length, List.of(byIndex));
  }

  /**
   * The parts of {@code whole} found beside it ({@code NAME.part-*-of-*.EXT}), checked as {@link
   * #of}.
   *
   * @throws BadInputException naming {@code whole} when none is found
   */
  public static PartSet find(Path whole) {
    Path dir = whole.toAbsolutePath().getParent();
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(
                f ->
                    Shard.ofPart(f)
                        .filter(p -> p.whole().getFileName().equals(whole.getFileName()))
                        .isPresent())
            .sorted(Comparator.comparing(Path::toString))
            .forEach(found::add);
      } catch (IOException e) {
        throw new BadInputException(dir, "cannot list folder: " + e.getMessage(), e);
      }
    }
    if (found.isEmpty()) {
      throw new BadInputException(
          whole,
          "no part files beside it ("
              + new Shard(0, 1)
                  .partOf(whole)
                  .getFileName()
                  .toString()
                  .replace("0000-of-0001", "IIII-of-NNNN")
              + ")");
    }
    return of(found);
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
