package org.radioclr.core.fits;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

/**
 * The fast path of {@link FitsReader} for the common case: a plain (not gzipped) file whose primary
 * HDU holds the image ({@code SIMPLE = T}, {@code NAXIS >= 2}, every axis non-empty, a standard
 * BITPIX, no random groups). It reads the header blocks (2880 bytes each) up to the {@code END}
 * card with one {@link FileChannel}, parses them with nom-tam's {@link Header}, and reads one
 * plane's big-endian bytes with one positional read, converted in bulk to the primitive array that
 * {@link RawPixels} turns into float32. Validation, scaling, error messages and the header copy
 * stay in {@link FitsReader}, shared with the general path, so both give the same results.
 *
 * <p>{@link #open} answers {@code null} for anything else (or anything odd: no {@code END} card, a
 * header nom-tam cannot parse), and the caller takes the general nom-tam path, which reports the
 * problem.
 *
 * <p>Each thread keeps one direct buffer for the plane bytes, grown to the largest plane it has
 * read up to 16 MiB (a 256x256 float32 plane needs 256 KiB); larger planes use a one-off heap
 * buffer.
 */
final class PrimaryImageReader implements AutoCloseable {
  /** FITS block size in bytes. */
  static final int BLOCK = 2880;

  private static final int CARD = 80;

  private static final byte[] SIMPLE = "SIMPLE  =".getBytes(StandardCharsets.US_ASCII);

  /** Headers longer than this (about 13,000 cards) are left to the general path. */
  private static final int MAX_HEADER_BLOCKS = 360;

  /** The longest header {@link #readHeader(InputStream)} reads. */
  static final int MAX_HEADER_BYTES = MAX_HEADER_BLOCKS * BLOCK;

  /** Largest plane, in bytes, read through the reused per-thread buffer (16 MiB). */
  private static final int MAX_REUSED = 16 << 20;

  private static final ThreadLocal<ByteBuffer> REUSED = new ThreadLocal<>();

  private final FileChannel channel;
  private final Header header;
  private final long dataStart;
  private final long size;
  private final int bitpix;

  private PrimaryImageReader(
      FileChannel channel, Header header, long dataStart, long size, int bitpix) {
    this.channel = channel;
    this.header = header;
    this.dataStart = dataStart;
    this.size = size;
    this.bitpix = bitpix;
  }

  /**
   * Opens {@code file} and reads its primary header; {@code null} (file closed) when the primary
   * HDU is not a plain image this class reads.
   */
  static PrimaryImageReader open(Path file) throws IOException {
    return open(file, header -> {});
  }

  /**
   * {@link #open(Path)}, handing the primary header to {@code check} as soon as it is parsed
   * (whether or not this class reads the image); what {@code check} throws closes the file and
   * propagates.
   */
  static PrimaryImageReader open(Path file, Consumer<Header> check) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      PrimaryImageReader reader = open(channel, check);
      if (reader == null) {
        channel.close();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static PrimaryImageReader open(FileChannel channel, Consumer<Header> check)
      throws IOException {
    long size = channel.size();
    byte[] head = new byte[BLOCK];
    int headerLength = 0; // bytes of header blocks read so far
    boolean ended = false;
    while (!ended) {
      if (headerLength == head.length) {
        if (head.length >= MAX_HEADER_BLOCKS * BLOCK) {
          return null;
        }
        head = Arrays.copyOf(head, 2 * head.length);
      }
      if (!readFully(channel, ByteBuffer.wrap(head, headerLength, BLOCK), headerLength)) {
        return null; // no END card before the end of the file
      }
      if (headerLength == 0 && !Arrays.equals(head, 0, SIMPLE.length, SIMPLE, 0, SIMPLE.length)) {
        return null;
      }
      ended = hasEnd(head, headerLength);
      headerLength += BLOCK;
    }
    Header header;
    try {
      header =
          Header.readHeader(
              new FitsInputStream(new ByteArrayInputStream(head, 0, headerLength), headerLength));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    // nom-tam must have ended the header in the same block as we did, or the data offset is wrong
    if (header == null || header.getSize() != headerLength) {
      return null;
    }
    check.accept(header);
    if (!isPlainImage(header)) {
      return null;
    }
    return new PrimaryImageReader(
        channel, header, headerLength, size, header.getIntValue("BITPIX", 0));
  }

  /**
   * Reads and parses the header at the start of {@code in} (2880-byte blocks up to the one holding
   * the {@code END} card); {@code null} when the stream ends first, the header is longer than
   * {@value #MAX_HEADER_BLOCKS} blocks or nom-tam cannot parse it. Reads at most {@link
   * #MAX_HEADER_BYTES} bytes.
   */
  static Header readHeader(InputStream in) throws IOException {
    byte[] head = new byte[BLOCK];
    int headerLength = 0;
    boolean ended = false;
    while (!ended) {
      if (headerLength == head.length) {
        if (head.length >= MAX_HEADER_BYTES) {
          return null;
        }
        head = Arrays.copyOf(head, Math.min(MAX_HEADER_BYTES, 2 * head.length));
      }
      if (in.readNBytes(head, headerLength, BLOCK) < BLOCK) {
        return null;
      }
      ended = hasEnd(head, headerLength);
      headerLength += BLOCK;
    }
    try {
      return Header.readHeader(
          new FitsInputStream(new ByteArrayInputStream(head, 0, headerLength), headerLength));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether a card of the block at {@code from} has the keyword {@code END}. */
  private static boolean hasEnd(byte[] head, int from) {
    for (int i = from; i < from + BLOCK; i += CARD) {
      if (head[i] == 'E'
          && head[i + 1] == 'N'
          && head[i + 2] == 'D'
          && head[i + 3] == ' '
          && head[i + 4] == ' '
          && head[i + 5] == ' '
          && head[i + 6] == ' '
          && head[i + 7] == ' ') {
        return true;
      }
    }
    return false;
  }

  /** A primary image with a standard BITPIX whose plane fits in one byte buffer. */
  private static boolean isPlainImage(Header header) {
    if (!header.getBooleanValue("SIMPLE", false)
        || header.getBooleanValue("GROUPS", false)
        || header.getLongValue("PCOUNT", 0) != 0
        || header.getLongValue("GCOUNT", 1) != 1
        || header.containsKey("ZIMAGE")) {
      return false;
    }
    int bytes =
        switch (header.getIntValue("BITPIX", 0)) {
          case 8 -> 1;
          case 16 -> 2;
          case 32, -32 -> 4;
          case 64, -64 -> 8;
          default -> 0;
        };
    int naxis = header.getIntValue("NAXIS", 0);
    if (bytes == 0 || naxis < 2 || naxis > 999) {
      return false;
    }
    long total = bytes;
    for (int i = 1; i <= naxis; i++) {
      long n = header.getLongValue("NAXIS" + i, 0);
      if (n <= 0 || total > Long.MAX_VALUE / n) {
        return false;
      }
      total *= n;
    }
    long plane = header.getLongValue("NAXIS1", 0) * header.getLongValue("NAXIS2", 0) * bytes;
    return plane <= Integer.MAX_VALUE - 8;
  }

  /** The primary header as nom-tam parsed it (including its {@code END} card). */
  Header header() {
    return header;
  }

  /** Offset of the data unit: the header blocks' length. */
  long dataStart() {
    return dataStart;
  }

  /** The file's length in bytes. */
  long size() {
    return size;
  }

  /**
   * The raw pixels of plane {@code plane} (file order) as the 1-D primitive array of the BITPIX
   * ({@code byte[]}, {@code short[]}, {@code int[]}, {@code long[]}, {@code float[]}, {@code
   * double[]}), row-major.
   *
   * @param axes the axis lengths in FITS order, as in the header
   * @throws EOFException when the file ends before the plane does
   */
  Object readPlane(long[] axes, int plane) throws IOException {
    int pixels = Math.toIntExact(axes[0] * axes[1]);
    int bytes = pixels * (Math.abs(bitpix) / 8);
    return read(dataStart + (long) plane * bytes, pixels, "plane " + plane);
  }

  /**
   * The raw pixels of rows {@code y0 .. y0 + rows - 1} of the first plane, as {@link #readPlane}
   * gives them.
   *
   * @param axes the axis lengths in FITS order, as in the header
   * @throws EOFException when the file ends before the rows do
   */
  Object readRows(long[] axes, int y0, int rows) throws IOException {
    int pixels = Math.toIntExact(axes[0] * rows);
    long position = dataStart + axes[0] * y0 * (Math.abs(bitpix) / 8);
    return read(position, pixels, "rows " + y0 + ".." + (y0 + rows - 1));
  }

  private Object read(long position, int pixels, String what) throws IOException {
    int bytes = pixels * (Math.abs(bitpix) / 8);
    ByteBuffer buffer = buffer(bytes);
    if (!readFully(channel, buffer, position)) {
      throw new EOFException("the file ends inside " + what);
    }
    buffer.flip();
    return switch (bitpix) {
      case 8 -> {
        byte[] a = new byte[pixels];
        buffer.get(a);
        yield a;
      }
      case 16 -> {
        short[] a = new short[pixels];
        buffer.asShortBuffer().get(a);
        yield a;
      }
      case 32 -> {
        int[] a = new int[pixels];
        buffer.asIntBuffer().get(a);
        yield a;
      }
      case 64 -> {
        long[] a = new long[pixels];
        buffer.asLongBuffer().get(a);
        yield a;
      }
      case -32 -> {
        float[] a = new float[pixels];
        buffer.asFloatBuffer().get(a);
        yield a;
      }
      case -64 -> {
        double[] a = new double[pixels];
        buffer.asDoubleBuffer().get(a);
        yield a;
      }
      default -> throw new IllegalStateException("BITPIX " + bitpix);
    };
  }

  /**
   * A big-endian buffer of {@code bytes} bytes (position 0, limit {@code bytes}): this thread's
   * reused direct buffer, grown as needed, for planes up to {@link #MAX_REUSED} bytes (the file is
   * read straight into it, with no intermediate copy); a new heap buffer for larger planes.
   */
  private static ByteBuffer buffer(int bytes) {
    if (bytes > MAX_REUSED) {
      return ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
    }
    ByteBuffer buffer = REUSED.get();
    if (buffer == null || buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect(Math.max(bytes, 1 << 16)).order(ByteOrder.BIG_ENDIAN);
      REUSED.set(buffer);
    }
    return buffer.clear().limit(bytes);
  }

  /** Fills {@code buffer} from {@code position}; false when the file ends first. */
  private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        return false;
      }
      at += n;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
