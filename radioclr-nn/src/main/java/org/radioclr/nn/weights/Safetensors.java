package org.radioclr.nn.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;

/**
 * Reads and writes the safetensors format (Hugging Face), the simplest way to exchange PyTorch
 * state dicts without pickle.
 *
 * <p>Layout: an unsigned 64-bit little-endian header length {@code N}; {@code N} bytes of UTF-8
 * JSON mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} plus an
 * optional {@code "__metadata__"} object of strings; then the tensor bytes, little-endian,
 * row-major, offsets relative to the first byte after the header. The reader accepts F32, F16, BF16
 * and F64 (converted to float) and I64 (converted to float; meant for batch norm's {@code
 * num_batches_tracked} counters); the writer writes F32 and I64 tensors and pads the header with
 * spaces to a multiple of 8 bytes, as the reference implementation does.
 */
public final class Safetensors {
  /** The largest header accepted (the reference implementation's limit). */
  static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  private static final String METADATA = "__metadata__";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Safetensors() {}

  /** Element types understood here, with their width in bytes. */
  public enum Dtype {
    /** IEEE 754 single precision. */
    F32(4),
    /** IEEE 754 half precision. */
    F16(2),
    /** bfloat16: the upper half of a float32. */
    BF16(2),
    /** IEEE 754 double precision. */
    F64(8),
    /** Signed 64-bit integer. */
    I64(8);

    private final int bytes;

    Dtype(int bytes) {
      this.bytes = bytes;
    }

    /** Width of one element in bytes. */
    public int bytes() {
      return bytes;
    }
  }

  /**
   * One tensor.
   *
   * @param dtype the element type in the file ({@link Dtype#F32}, {@link Dtype#F16} or {@link
   *     Dtype#I64} to write)
   * @param shape the dimensions, outermost first ({@code []} for a scalar)
   * @param values the elements in row-major order, converted to float; length = product of shape
   */
  public record Tensor(Dtype dtype, long[] shape, float[] values) {
    /** Validates the fields; copies nothing (the arrays are shared). */
    public Tensor {
      Objects.requireNonNull(dtype, "dtype");
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(values, "values");
      long size = 1;
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("shape must be >= 0, got " + Arrays.toString(shape));
        }
        size = Math.multiplyExact(size, d);
      }
      if (size != values.length) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " holds " + size + " values, got " + values.length);
      }
    }

    /** A float32 tensor. */
    public static Tensor f32(long[] shape, float[] values) {
      return new Tensor(Dtype.F32, shape, values);
    }
  }

  /**
   * The content of a file.
   *
   * @param tensors the tensors by name, in the file's order of data offsets
   * @param metadata the {@code __metadata__} strings (empty when absent)
   */
  public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** Copies both maps into unmodifiable ones, keeping their order. */
    public Contents {
      tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
  }

  /**
   * Reads a whole file.
   *
   * @throws BadInputException naming the file when it is missing, unreadable, truncated, has a bad
   *     header, an unknown dtype, or offsets out of range, overlapping or not matching the shape
   */
  public static Contents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such file");
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e, e);
    }
    return parse(file, bytes);
  }

  /**
   * Parses the bytes of a file (e.g. a resource); {@code file} is only used in error messages.
   *
   * @throws BadInputException naming {@code file} as {@link #read(Path)} does
   */
  public static Contents parse(Path file, byte[] bytes) {
    if (bytes.length < 8) {
      throw new BadInputException(
          file,
          "truncated safetensors file: " + bytes.length + " bytes, the header length needs 8");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long n = buf.getLong(0);
    if (n < 2 || n > MAX_HEADER_BYTES) {
      throw new BadInputException(
          file, "not a safetensors file: header length " + Long.toUnsignedString(n));
    }
    if (n > bytes.length - 8L) {
      throw new BadInputException(
          file,
          "truncated safetensors file: header length "
              + n
              + " bytes but only "
              + (bytes.length - 8L)
              + " follow");
    }
    int dataStart = 8 + (int) n;
    long dataLength = bytes.length - (long) dataStart;
    JsonNode header;
    try {
      header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          file, "safetensors header is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (header == null || !header.isObject()) {
      throw new BadInputException(file, "safetensors header is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : header.properties()) {
      if (field.getKey().equals(METADATA)) {
        readMetadata(file, field.getValue(), metadata);
      } else {
        entries.add(entry(file, field.getKey(), field.getValue(), dataLength));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::begin));
    long previousEnd = 0;
    String previous = null;
    for (Entry e : entries) {
      if (e.begin() < previousEnd) {
        throw new BadInputException(
            file, "tensor " + e.name() + "'s data overlaps that of tensor " + previous);
      }
      previousEnd = e.end();
      previous = e.name();
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Entry e : entries) {
      tensors.put(e.name(), decode(buf, dataStart, e));
    }
    return new Contents(tensors, metadata);
  }

  private record Entry(String name, Dtype dtype, long[] shape, long begin, long end) {}

  private static void readMetadata(Path file, JsonNode node, Map<String, String> out) {
    if (!node.isObject()) {
      throw new BadInputException(file, "safetensors __metadata__ is not a JSON object");
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!f.getValue().isTextual()) {
        throw new BadInputException(
            file, "safetensors __metadata__ value of " + f.getKey() + " is not a string");
      }
      out.put(f.getKey(), f.getValue().asText());
    }
  }

  private static Entry entry(Path file, String name, JsonNode node, long dataLength) {
    if (!node.isObject()) {
      throw new BadInputException(file, "tensor " + name + ": header entry is not a JSON object");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw new BadInputException(file, "tensor " + name + ": no dtype");
    }
    Dtype dtype;
    try {
      dtype = Dtype.valueOf(dtypeNode.asText());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          file,
          "tensor "
              + name
              + ": unsupported dtype "
              + dtypeNode.asText()
              + " (supported: "
              + Arrays.toString(Dtype.values())
              + ")");
    }
    JsonNode shapeNode = node.get("shape");
    if (shapeNode == null || !shapeNode.isArray()) {
      throw new BadInputException(file, "tensor " + name + ": no shape array");
    }
    long[] shape = new long[shapeNode.size()];
    long size = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
        throw new BadInputException(file, "tensor " + name + ": bad shape " + shapeNode);
      }
      shape[i] = d.asLong();
      size = multiplyOrMax(size, shape[i]);
    }
    JsonNode offsets = node.get("data_offsets");
    if (offsets == null
        || !offsets.isArray()
        || offsets.size() != 2
        || !offsets.get(0).isIntegralNumber()
        || !offsets.get(1).isIntegralNumber()
        || !offsets.get(0).canConvertToLong()
        || !offsets.get(1).canConvertToLong()) {
      throw new BadInputException(file, "tensor " + name + ": data_offsets must be [begin, end]");
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    if (begin < 0 || end < begin || end > dataLength) {
      throw new BadInputException(
          file,
          "tensor "
              + name
              + ": data_offsets ["
              + begin
              + ", "
              + end
              + "] out of range (the data section has "
              + dataLength
              + " bytes)");
    }
    long expected = multiplyOrMax(size, dtype.bytes());
    if (end - begin != expected || size > Integer.MAX_VALUE) {
      throw new BadInputException(
          file,
          "tensor "
              + name
              + ": data_offsets ["
              + begin
              + ", "
              + end
              + "] hold "
              + (end - begin)
              + " bytes, shape "
              + shapeNode
              + " of "
              + dtype
              + " needs "
              + expected);
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  private static long multiplyOrMax(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static Tensor decode(ByteBuffer buf, int dataStart, Entry e) {
    int count = (int) ((e.end() - e.begin()) / e.dtype().bytes());
    int at = dataStart + (int) e.begin();
    float[] values = new float[count];
    switch (e.dtype()) {
      case F32 -> {
        for (int i = 0; i < count; i++) {
          values[i] = buf.getFloat(at + 4 * i);
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = Float.float16ToFloat(buf.getShort(at + 2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = Float.intBitsToFloat((buf.getShort(at + 2 * i) & 0xffff) << 16);
        }
      }
      case F64 -> {
        for (int i = 0; i < count; i++) {
          values[i] = (float) buf.getDouble(at + 8 * i);
        }
      }
      case I64 -> {
        for (int i = 0; i < count; i++) {
          values[i] = buf.getLong(at + 8 * i);
        }
      }
    }
    return new Tensor(e.dtype(), e.shape(), values);
  }

  /**
   * Writes a file atomically (through {@link AtomicFiles}); tensors in the map's order.
   *
   * @param tensors F32, F16 or I64 tensors by name (F16 values are rounded to the nearest half
   *     precision number, I64 values to the nearest integer)
   * @param metadata strings stored under {@code __metadata__} (omitted when empty)
   * @throws IllegalArgumentException when a tensor has another dtype or a name is {@code
   *     __metadata__}
   * @throws BadInputException naming the file when it cannot be written
   */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
    byte[] encoded = encode(tensors, metadata);
    AtomicFiles.write(file, tmp -> Files.write(tmp, encoded));
  }

  /** The bytes {@link #write} writes. */
  static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject(METADATA);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      if (e.getKey().equals(METADATA)) {
        throw new IllegalArgumentException("a tensor cannot be named " + METADATA);
      }
      if (t.dtype() != Dtype.F32 && t.dtype() != Dtype.F16 && t.dtype() != Dtype.I64) {
        throw new IllegalArgumentException(
            "only F32, F16 and I64 tensors are written, got " + t.dtype() + " for " + e.getKey());
      }
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", t.dtype().name());
      ArrayNode shape = entry.putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
      long bytes = (long) t.values().length * t.dtype().bytes();
      entry.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    long total = 8L + padded + offset;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("safetensors file of " + total + " bytes is too large");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded);
    out.put(json);
    for (int i = json.length; i < padded; i++) {
      out.put((byte) ' ');
    }
    for (Tensor t : tensors.values()) {
      float[] v = t.values();
      if (t.dtype() == Dtype.F32) {
        for (float x : v) {
          out.putFloat(x);
        }
      } else if (t.dtype() == Dtype.F16) {
        for (float x : v) {
          out.putShort(Float.floatToFloat16(x));
        }
      } else {
        for (float x : v) {
          out.putLong(Math.round((double) x));
        }
      }
    }
    return out.array();
  }
}
