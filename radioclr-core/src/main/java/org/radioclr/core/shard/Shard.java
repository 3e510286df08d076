package org.radioclr.core.shard;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} of a stage's work: a contiguous block of its {@code n} work
 * items in their order, items {@code [floor(index*n/count), floor((index+1)*n/count))}. Blocks of
 * the shards cover every item once, differ in size by at most one, and in shard order they are the
 * items in their original order, so the parts of shards 0, 1, ..., count-1 put one after the other
 * are exactly the output of one process. The split depends only on {@code n}, not on the machine,
 * the time or the other shards.
 *
 * <p>A shard writes {@link #partOf(Path) OUT.part-000I-of-000N.EXT} in place of {@code OUT.EXT};
 * the numbers have at least 4 digits, so the parts of one output sort in shard order by name.
 *
 * @param index 0-based, in {@code [0, count)}
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
  /** {@code STEM.part-IIII-of-NNNN.EXT}, the extension possibly empty. */
  private static final Pattern PART =
      Pattern.compile("(.*)\\.part-(\\d+)-of-(\\d+)((?:\\.[^.]*)?)");

  private static final Pattern SPEC = Pattern.compile("\\s*(-?\\d+)\\s*/\\s*(-?\\d+)\\s*");

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("a shard count must be >= 1, got " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "a shard index must be in 0.."
              + (count - 1)
              + " (0-based) for "
              + count
              + " shards, got "
              + index);
    }
  }

  /**
   * Parses {@code "I/N"}, e.g. {@code "3/8"} (the fourth of eight shards).
   *
   * @throws IllegalArgumentException naming the value when it is not {@code I/N} with {@code 0 <= I
   *     < N}
   */
  public static Shard parse(String spec) {
    Matcher m = SPEC.matcher(spec == null ? "" : spec);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not I/N (shard I of N, 0-based: 0/8 .. 7/8)");
    }
    int i;
    int n;
    try {
      i = Integer.parseInt(m.group(1));
      n = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + spec + "': numbers too large", e);
    }
    if (n < 1 || i < 0 || i >= n) {
      throw new IllegalArgumentException(
          "'" + spec.strip() + "': I/N needs N >= 1 and 0 <= I < N (shards are 0-based)");
    }
    return new Shard(i, n);
  }

  /** The first item of this shard among {@code n}. */
  public long first(long n) {
    return bound(index, n);
  }

  /** One past the last item of this shard among {@code n}. */
  public long end(long n) {
    return bound(index + 1, n);
  }

  /** Whether item {@code i} of {@code n} belongs to this shard. */
  public boolean holds(long i, long n) {
    return i >= first(n) && i < end(n);
  }

  private long bound(int k, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("item count must be >= 0, got " + n);
    }
    // floor(k * n / count) without overflow: n = q * count + r, so it is k * q + floor(k * r /
    // count), with k * r < count^2 < 2^62
    return k * (n / count) + (long) k * (n % count) / count;
  }

  /** {@code out} itself when {@code shard} is null (one process), else its {@link #partOf}. */
  public static Path target(Path out, Shard shard) {
    return shard == null ? out : shard.partOf(out);
  }

  /**
   * This shard's part of {@code out}: {@code features.parquet} → {@code
   * features.part-0003-of-0008.parquet}, in the same folder.
   */
  public Path partOf(Path out) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    int width = Math.max(4, Integer.toString(count).length());
    String part =
        String.format("%s.part-%0" + width + "d-of-%0" + width + "d%s", stem, index, count, ext);
    return out.resolveSibling(part);
  }

  /** A part file's shard and the output it is a part of. */
  public record Part(Path file, Path whole, Shard shard) {}

  /**
   * The shard and output of a part file named as {@link #partOf} names them; empty when the name is
   * not a part's or its numbers are out of range.
   */
  public static Optional<Part> ofPart(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    Matcher m = PART.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Shard s = new Shard(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return Optional.of(new Part(file, file.resolveSibling(m.group(1) + m.group(4)), s));
    } catch (IllegalArgumentException e) { // NumberFormatException included
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
