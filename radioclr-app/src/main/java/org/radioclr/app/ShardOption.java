package org.radioclr.app;

import org.radioclr.core.shard.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --shard I/N} option of the parallel stages: this process does shard I (0-based) of N
 * and writes its part file; null (one process, the whole output) when not given.
 */
final class ShardOption {
  @Option(
      names = "--shard",
      paramLabel = "I/N",
      converter = Converter.class,
      description =
          "Do only shard I of N (0-based: 0/8 .. 7/8), a contiguous block of the work, and write"
              + " the part OUT.part-000I-of-000N.EXT; 'radioclr merge' joins the parts into the"
              + " output one process writes.")
  Shard shard;

  /** {@link Shard#parse}, its rejection as picocli's bad option value. */
  static final class Converter implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      try {
        return Shard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
