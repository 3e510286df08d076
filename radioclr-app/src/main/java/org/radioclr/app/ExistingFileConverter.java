package org.radioclr.app;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option value that must name an existing file or folder: a missing one is a usage error naming
 * the option (exit code 2), before the command starts.
 */
final class ExistingFileConverter implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    Path p = Path.of(value);
    if (!Files.exists(p)) {
      throw new TypeConversionException("no such file: " + value);
    }
    return p;
  }
}
