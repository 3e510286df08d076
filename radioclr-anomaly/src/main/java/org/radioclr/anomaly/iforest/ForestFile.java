package org.radioclr.anomaly.iforest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;

/**
 * The {@code .iforest} model file: the 16 ASCII bytes {@code radioclr-iforest}, a big-endian int
 * format version (1), an int length and that many bytes of UTF-8 JSON header (columns, settings,
 * threshold, shape), the int count of trees and their root offsets, the int count of node ints and
 * the nodes, then the CRC-32 of everything before it as a long.
 */
final class ForestFile {
  static final byte[] MAGIC = "radioclr-iforest".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ForestFile() {}

  static void write(IsolationForest f, Path file) {
    ObjectNode header = JSON.createObjectNode();
    ArrayNode cols = header.putArray("columns");
    f.columns().forEach(cols::add);
    IsolationForestConfig c = f.config();
    header.put("trees", c.trees());
    header.put("maxSamples", c.maxSamples().toString());
    header.put("contamination", c.contamination().toString());
    header.put("seed", c.seed());
    header.put("trainingRows", f.trainingRows());
    header.put("samplesPerTree", f.samplesPerTree());
    header.put("maxDepth", f.maxDepth());
    header.put("threshold", f.threshold());
    AtomicFiles.write(
        file,
        tmp -> {
          byte[] json = JSON.writeValueAsBytes(header);
          CRC32 crc = new CRC32();
          try (OutputStream raw = Files.newOutputStream(tmp);
              DataOutputStream out =
                  new DataOutputStream(
                      new BufferedOutputStream(new CrcStream(raw, crc), 1 << 16))) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(json.length);
            out.write(json);
            writeInts(out, f.roots());
            writeInts(out, f.nodes());
            out.flush();
            out.writeLong(crc.getValue()); // of the bytes before it (flushed above)
          }
        });
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
    for (int v : values) {
      if (!buf.hasRemaining()) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putInt(v);
    }
    out.write(buf.array(), 0, buf.position());
  }

  static IsolationForest read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such model file", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read model: " + e.getMessage(), e);
    }
    if (bytes.length < MAGIC.length + 8
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new BadInputException(file, "not an Isolation Forest model (.iforest) file");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != VERSION) {
      throw new BadInputException(
          file, "Isolation Forest model format " + version + " is not supported (only 1)");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
      throw new BadInputException(file, "damaged Isolation Forest model (checksum mismatch)");
    }
    try {
      byte[] json = new byte[in.getInt()];
      in.get(json);
      JsonNode h = JSON.readTree(json);
      List<String> columns = new ArrayList<>();
      h.required("columns").forEach(n -> columns.add(n.asText()));
      IsolationForestConfig config =
          new IsolationForestConfig(
              h.required("trees").asInt(),
              IsolationForestConfig.MaxSamples.parse(h.required("maxSamples").asText()),
              IsolationForestConfig.Contamination.parse(h.required("contamination").asText()),
              h.required("seed").asLong());
      int[] roots = readInts(in);
      int[] nodes = readInts(in);
      int psi = h.required("samplesPerTree").asInt();
      int depth = h.required("maxDepth").asInt();
      check(roots, nodes, columns.size(), psi, depth, config.trees());
      return new IsolationForest(
          columns,
          config,
          h.required("trainingRows").asInt(),
          psi,
          depth,
          roots,
          nodes,
          h.required("threshold").asDouble());
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file, "damaged Isolation Forest model: " + e.getMessage(), e);
    }
  }

  private static int[] readInts(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || (long) n * 4 > in.remaining()) {
      throw new IllegalArgumentException("array length " + n + " is out of range");
    }
    int[] v = new int[n];
    in.asIntBuffer().get(v);
    in.position(in.position() + 4 * n);
    return v;
  }

  /** Checks the trees so that a walk can never leave the arrays. */
  private static void check(int[] roots, int[] nodes, int d, int psi, int depth, int trees) {
    if (d < 1 || psi < 2 || depth != TreeBuilder.maxDepth(psi) || roots.length != trees) {
      throw new IllegalArgumentException("inconsistent header");
    }
    int s = TreeBuilder.STRIDE;
    if (nodes.length % s != 0) {
      throw new IllegalArgumentException("node array is not a whole number of nodes");
    }
    for (int r : roots) {
      if (r < 0 || r % s != 0 || r >= nodes.length) {
        throw new IllegalArgumentException("tree root " + r + " is out of range");
      }
    }
    for (int o = 0; o < nodes.length; o += s) {
      int left = nodes[o];
      boolean leaf = left == o && nodes[o + 2] == TreeBuilder.INF_BITS;
      boolean inner = left > o && left % s == 0 && left + 2 * s <= nodes.length;
      int f = nodes[o + 1];
      if (!(leaf || inner) || f < 0 || f >= d) {
        throw new IllegalArgumentException("node " + o / s + " is malformed");
      }
    }
  }

  /** Passes bytes through while updating a CRC. */
  private static final class CrcStream extends java.io.FilterOutputStream {
    private final CRC32 crc;

    CrcStream(OutputStream out, CRC32 crc) {
      super(out);
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      crc.update(b);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      crc.update(b, off, len);
      out.write(b, off, len);
    }
  }
}
