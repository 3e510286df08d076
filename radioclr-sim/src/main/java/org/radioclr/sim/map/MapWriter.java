package org.radioclr.sim.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.HeaderCardException;
import nom.tam.util.FitsOutputStream;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.Version;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.BandContribution;

/**
 * Writes a {@link MapModel} with its sources as a 2-D float32 FITS image (BITPIX −32, {@code
 * [NAXIS2 = height][NAXIS1 = width]}, Jy/beam), streaming: the header first, then the rows band by
 * band as a worker pool renders them, then the zero padding to a whole 2880-byte block. Memory
 * stays flat whatever the map size: a few bands are alive at a time ({@code threads + 1} rendered
 * bands waiting to be written, each {@code bandRows x width x 8} bytes at most), so a 16384² map
 * fits in a 1 GB heap. Bands are written in order and every pixel is a pure function of its
 * position, so the bytes do not depend on the band size or the number of threads; the same model
 * and sources always give the same file.
 *
 * <p>Header: {@code SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2, EXTEND}, {@code BUNIT = 'JY/BEAM'},
 * {@code BTYPE}, {@code BMAJ/BMIN/BPA} (degrees), the SIN WCS of {@link MapWcs} ({@code CTYPEi,
 * CRVALi, CRPIXi, CDELTi, CUNITi, RADESYS = 'ICRS'}), {@code RESTFRQ} and {@code FREQ} (Hz; no
 * degenerate frequency axis, {@code NAXIS = 2}), {@code OBJECT}, {@code TELESCOP = 'SIMULATED'},
 * {@code ORIGIN}, {@code RCLRVER} and HISTORY cards with the preset, seed and field. No dates, so
 * the file is reproducible.
 *
 * <p>Files go through {@link AtomicFiles#begin}: a reader never sees half a map.
 */
public final class MapWriter {
  private static final int BLOCK = 2880;

  /**
   * How to write.
   *
   * @param threads worker threads rendering bands, 1–256
   * @param bandRows rows per band, or 0 to choose (about 4 Mpixel per band, 64–1024 rows, at least
   *     four bands per thread when the map is tall enough); a band never exceeds 64 Mpixel
   */
  public record Options(int threads, int bandRows) {
    public Options {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
      }
      if (bandRows < 0 || bandRows > 65536) {
        throw new IllegalArgumentException(
            "band rows must be 0 (automatic) or in [1, 65536], got " + bandRows);
      }
    }

    /** All available processors, automatic band size. */
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 0);
    }

    /** The band height used for a map of {@code width x height}. */
    public int bandRowsFor(int width, int height) {
      int cap = Math.max(1, (1 << 26) / width); // at most 64 Mpixel (256 MB) per band
      if (bandRows > 0) {
        return Math.min(Math.min(bandRows, cap), height);
      }
      int rows = Math.max(64, Math.min(1024, (1 << 22) / width));
      rows = Math.min(rows, Math.max(64, (height + 4 * threads - 1) / (4 * threads)));
      return Math.max(1, Math.min(rows, height));
    }
  }

  private MapWriter() {}

  /**
   * Writes the map with {@code sources} added to {@code target}.
   *
   * @throws org.radioclr.core.BadInputException naming the target when it cannot be written
   */
  public static void write(
      Path target,
      MapModel map,
      List<? extends BandContribution> sources,
      Options options,
      ProgressListener progress) {
    Objects.requireNonNull(target, "target");
    try (AtomicFiles.Pending pending = AtomicFiles.begin(target)) {
      try (FileChannel ch =
          FileChannel.open(
              pending.temporary(),
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        progress.start("writing " + target.getFileName(), map.height());
        try {
          write(ch, map, sources, options, progress);
        } finally {
          progress.finish();
        }
      } catch (IOException e) {
        throw AtomicFiles.writeFailure(target, e);
      }
      pending.commit();
    }
  }

  /**
   * Writes the whole FITS file (header, data, padding) to {@code out}; returns the number of bytes
   * written. Does not call {@code progress.start/finish}, only {@code advance(rows)} per band.
   */
  public static long write(
      WritableByteChannel out,
      MapModel map,
      List<? extends BandContribution> sources,
      Options options,
      ProgressListener progress)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    long written = writeFully(out, ByteBuffer.wrap(headerBytes(map)));
    int width = map.width();
    int height = map.height();
    int bandRows = options.bandRowsFor(width, height);
    int bands = (height + bandRows - 1) / bandRows;
    List<? extends BandContribution> list = List.copyOf(sources);
    ExecutorService pool =
        options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), threads()) : null;
    ArrayDeque<Future<ByteBuffer>> window = new ArrayDeque<>();
    try {
      int next = 0;
      for (int b = 0; b < bands; b++) {
        while (pool != null && next < bands && window.size() < options.threads() + 1) {
          int index = next++;
          Callable<ByteBuffer> task = () -> renderBytes(map, list, index, bandRows);
          window.add(pool.submit(task));
        }
        ByteBuffer bytes;
        if (pool == null) {
          bytes = renderBytes(map, list, b, bandRows);
        } else {
          bytes = await(window.removeFirst());
        }
        int rows = bytes.remaining() / 4 / width;
        written += writeFully(out, bytes);
        progress.advance(rows);
      }
    } catch (IOException | RuntimeException e) {
      for (Future<ByteBuffer> f : window) {
        f.cancel(true);
      }
      throw e;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    int pad = (int) ((BLOCK - written % BLOCK) % BLOCK);
    if (pad > 0) {
      written += writeFully(out, ByteBuffer.allocate(pad));
    }
    return written;
  }

  /** Renders band {@code index} and encodes it as big-endian float32, as FITS wants. */
  private static ByteBuffer renderBytes(
      MapModel map, List<? extends BandContribution> sources, int index, int bandRows) {
    int y0 = index * bandRows;
    int rows = Math.min(bandRows, map.height() - y0);
    float[] data = new float[rows * map.width()];
    map.renderBand(y0, rows, sources, data);
    ByteBuffer bytes = ByteBuffer.allocate(data.length * 4);
    bytes.asFloatBuffer().put(data);
    return bytes;
  }

  private static ByteBuffer await(Future<ByteBuffer> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RadioclrException("interrupted while writing a map", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new RadioclrException("map band failed: " + cause, cause);
    }
  }

  private static long writeFully(WritableByteChannel out, ByteBuffer buf) throws IOException {
    long n = buf.remaining();
    while (buf.hasRemaining()) {
      out.write(buf);
    }
    return n;
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "radioclr-map-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The FITS header of the map (see the class comment), padded to whole 2880-byte blocks. */
  public static byte[] headerBytes(MapModel map) {
    try {
      Header h = header(map);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * BLOCK);
      try (FitsOutputStream out = new FitsOutputStream(bytes)) {
        h.write(out);
        out.flush();
      }
      return bytes.toByteArray();
    } catch (FitsException | IOException e) {
      throw new IllegalStateException("cannot build the FITS header: " + e.getMessage(), e);
    }
  }

  /** The header cards of the map as a nom-tam header (a new one each call). */
  public static Header header(MapModel map) {
    SimPreset p = map.preset();
    MapWcs wcs = map.wcs();
    Header h = new Header();
    try {
      h.addLine(new HeaderCard("SIMPLE", true, "conforms to FITS standard"));
      h.addLine(new HeaderCard("BITPIX", -32, "32-bit IEEE floating point"));
      h.addLine(new HeaderCard("NAXIS", 2, "number of axes"));
      h.addLine(new HeaderCard("NAXIS1", map.width(), "columns (RA axis)"));
      h.addLine(new HeaderCard("NAXIS2", map.height(), "rows (Dec axis)"));
      h.addLine(new HeaderCard("EXTEND", true, "extensions may follow"));
      h.addLine(new HeaderCard("BUNIT", "JY/BEAM", "brightness unit"));
      h.addLine(new HeaderCard("BTYPE", "Intensity", ""));
      h.addLine(new HeaderCard("BMAJ", p.beamMajArcsec() / 3600.0, "beam major axis FWHM, deg"));
      h.addLine(new HeaderCard("BMIN", p.beamMinArcsec() / 3600.0, "beam minor axis FWHM, deg"));
      h.addLine(new HeaderCard("BPA", p.beamPaDeg(), "beam position angle, deg E of N"));
      h.addLine(new HeaderCard("CTYPE1", "RA---SIN", ""));
      h.addLine(new HeaderCard("CRVAL1", wcs.raDeg(), "deg"));
      h.addLine(new HeaderCard("CDELT1", -wcs.pixelDeg(), "deg per pixel, RA grows to the left"));
      h.addLine(new HeaderCard("CRPIX1", wcs.crpix1(), "reference pixel (1-based)"));
      h.addLine(new HeaderCard("CUNIT1", "deg", ""));
      h.addLine(new HeaderCard("CTYPE2", "DEC--SIN", ""));
      h.addLine(new HeaderCard("CRVAL2", wcs.decDeg(), "deg"));
      h.addLine(new HeaderCard("CDELT2", wcs.pixelDeg(), "deg per pixel"));
      h.addLine(new HeaderCard("CRPIX2", wcs.crpix2(), "reference pixel (1-based)"));
      h.addLine(new HeaderCard("CUNIT2", "deg", ""));
      h.addLine(new HeaderCard("RADESYS", "ICRS", "celestial reference frame"));
      h.addLine(new HeaderCard("RESTFRQ", p.frequencyHz(), "observing frequency, Hz"));
      h.addLine(new HeaderCard("FREQ", p.frequencyHz(), "observing frequency, Hz"));
      h.addLine(
          new HeaderCard(
              "OBJECT",
              String.format(Locale.ROOT, "SIM %s F%03d", p.name(), map.fieldIndex()),
              "simulated field"));
      h.addLine(new HeaderCard("TELESCOP", "SIMULATED", "radioclr sky simulator"));
      h.addLine(new HeaderCard("ORIGIN", "radioclr", ""));
      h.addLine(new HeaderCard("RCLRVER", Version.get(), "radioclr version"));
      h.addLine(
          HeaderCard.createHistoryCard(
              String.format(
                  Locale.ROOT,
                  "radioclr simulate preset=%s seed=%d field=%d size=%dx%d",
                  p.name(),
                  map.seed(),
                  map.fieldIndex(),
                  map.width(),
                  map.height())));
      h.addLine(
          HeaderCard.createHistoryCard(
              String.format(
                  Locale.ROOT,
                  "noise: beam-correlated, rms %.3g Jy/beam, variation %.2f",
                  p.rmsJy(),
                  p.rmsVariation())));
      h.addLine(
          HeaderCard.createHistoryCard(
              "mosaicking residuals: "
                  + (map.hasMosaicking() ? "yes" : "no")
                  + "; diffuse emission: "
                  + (map.diffuse().isPresent() ? "yes" : "no")));
    } catch (HeaderCardException e) {
      throw new IllegalStateException("cannot make a FITS card: " + e.getMessage(), e);
    }
    return h;
  }
}
