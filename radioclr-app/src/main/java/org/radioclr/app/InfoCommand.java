package org.radioclr.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.NoSuchPlaneException;
import org.radioclr.core.inspect.MapSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr info}: what is in a map, at a glance. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise FITS images: shape, BITPIX, unit, projection and frame, pixel scale, beam, sky"
          + " centre and corners (RA/Dec and l/b), blank fraction, robust (sigma-clipped) noise"
          + " rms, min/median/max.",
      "Files that cannot be read are reported one line each; the others are still summarised."
          + " An image with no valid pixel (all NaN or 0) is summarised as 100 %% blank."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr info mosaic.fits",
      "  radioclr info --json cutouts/*.fits > info.json"
    })
final class InfoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "FITS images.")
  List<Path> files;

  @Option(names = "--json", description = "One JSON array with an object per file.")
  boolean json;

  @Option(
      names = "--plane",
      paramLabel = "K",
      description = "Plane of a cube to summarise (0-based; default: 0).")
  Integer plane;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    int failed = 0;
    if (plane != null && plane < 0) {
      throw new RadioclrException("--plane must be 0 or more (planes count from 0), got " + plane);
    }
    for (Path f : files) {
      try {
        int k = plane == null ? 0 : plane;
        MapSummary s = MapSummary.of(readPlane(f, k), k);
        if (json) {
          array.add(s.toJsonNode());
        } else {
          out.println(s.toText());
        }
      } catch (BadInputException e) {
        failed++;
        err.println("radioclr: " + e.getMessage());
      }
    }
    if (json) {
      out.println(mapper.writeValueAsString(array));
    }
    return failed == 0 ? 0 : 1;
  }

  /** Plane {@code k} of {@code f}, even when it has no valid pixel (summarised as 100 % blank). */
  private static FitsImage readPlane(Path f, int k) {
    try {
      return FitsReader.readEvenIfBlank(f, k);
    } catch (NoSuchPlaneException e) {
      throw e.forOption("--plane");
    }
  }
}
