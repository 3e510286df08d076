package org.radioclr.nn.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.nn.weights.Safetensors.Dtype;
import org.radioclr.nn.weights.Safetensors.Tensor;

class SafetensorsTest {
  @TempDir Path dir;

  /** A file made of a header and data bytes, as a third-party writer would lay it out. */
  private static byte[] file(String header, byte[] data) {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(json.length).put(json).put(data);
    return b.array();
  }

  private static byte[] le(int bytesPerValue, long... values) {
    ByteBuffer b =
        ByteBuffer.allocate(bytesPerValue * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      switch (bytesPerValue) {
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt((int) v);
        default -> b.putLong(v);
      }
    }
    return b.array();
  }

  @Test
  void writeThenReadKeepsValuesShapesOrderAndMetadata() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("a.weight", Tensor.f32(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-30f, 7}));
    tensors.put("a.num_batches_tracked", new Tensor(Dtype.I64, new long[0], new float[] {12}));
    tensors.put("empty", Tensor.f32(new long[] {0, 4}, new float[0]));
    tensors.put("b", Tensor.f32(new long[] {1}, new float[] {Float.NaN}));
    Path f = dir.resolve("t.safetensors");
    Safetensors.write(f, tensors, Map.of("format", "pt"));

    byte[] bytes = Files.readAllBytes(f);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertEquals(0, n % 8, "header padded to 8 bytes");
    assertEquals(8 + n + 6 * 4 + 8 + 0 + 4, bytes.length);

    Safetensors.Contents c = Safetensors.read(f);
    assertEquals(List.copyOf(tensors.keySet()), List.copyOf(c.tensors().keySet()));
    assertEquals(Map.of("format", "pt"), c.metadata());
    for (String k : tensors.keySet()) {
      assertEquals(tensors.get(k).dtype(), c.tensors().get(k).dtype(), k);
      assertArrayEquals(tensors.get(k).shape(), c.tensors().get(k).shape(), k);
      assertArrayEquals(tensors.get(k).values(), c.tensors().get(k).values(), k);
    }
  }

  @Test
  void halfBfloatDoubleAndLongAreConvertedExactly() throws IOException {
    // F16: 1, -2, 0x3555 = 0.333251953125, smallest subnormal 2^-24, +inf
    byte[] f16 = le(2, 0x3C00, 0xC000, 0x3555, 0x0001, 0x7C00);
    // BF16: 1, 3.140625, -123.5
    byte[] bf16 = le(2, 0x3F80, 0x4049, 0xC2F7);
    byte[] f64 = le(8, Double.doubleToLongBits(0.1), Double.doubleToLongBits(-1e300));
    byte[] i64 = le(8, 42, -3);
    ByteBuffer data = ByteBuffer.allocate(10 + 6 + 16 + 16);
    data.put(f16).put(bf16).put(f64).put(i64);
    String header =
        "{\"__metadata__\":{\"format\":\"np\"},"
            + "\"i\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[32,48]},"
            + "\"h\":{\"dtype\":\"F16\",\"shape\":[5],\"data_offsets\":[0,10]},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[3,1],\"data_offsets\":[10,16]},"
            + "\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[16,32]}}";
    Path f = dir.resolve("mixed.safetensors");
    Files.write(f, file(header, data.array()));

    Safetensors.Contents c = Safetensors.read(f);
    assertEquals(List.of("h", "b", "d", "i"), List.copyOf(c.tensors().keySet()), "offset order");
    assertArrayEquals(
        new float[] {1f, -2f, 0.333251953125f, 0x1p-24f, Float.POSITIVE_INFINITY},
        c.tensors().get("h").values());
    assertArrayEquals(new float[] {1f, 3.140625f, -123.5f}, c.tensors().get("b").values());
    assertArrayEquals(new long[] {3, 1}, c.tensors().get("b").shape());
    assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, c.tensors().get("d").values());
    assertArrayEquals(new float[] {42f, -3f}, c.tensors().get("i").values());
    assertEquals(Dtype.BF16, c.tensors().get("b").dtype());
    assertEquals("np", c.metadata().get("format"));
  }

  @Test
  void readsTheNumpyWrittenReferenceFileExactly() throws IOException, URISyntaxException {
    Path f = Path.of(SafetensorsTest.class.getResource("reference.safetensors").toURI());
    Path expected = Path.of(SafetensorsTest.class.getResource("reference-expected.tsv").toURI());
    Safetensors.Contents c = Safetensors.read(f);
    assertEquals("make_reference.py", c.metadata().get("made_by"));
    int rows = 0;
    for (String line : Files.readAllLines(expected)) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      Tensor t = c.tensors().get(cols[0]);
      assertEquals(Dtype.valueOf(cols[1]), t.dtype(), cols[0]);
      long[] shape =
          cols[2].isEmpty()
              ? new long[0]
              : Arrays.stream(cols[2].split(",")).mapToLong(Long::parseLong).toArray();
      assertArrayEquals(shape, t.shape(), cols[0]);
      String[] v = cols[3].split(",");
      float[] values = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        values[i] = Float.parseFloat(v[i]);
      }
      assertArrayEquals(values, t.values(), cols[0]);
      rows++;
    }
    assertEquals(5, rows);
    assertEquals(5, c.tensors().size());
  }

  private BadInputException bad(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    BadInputException e = assertThrows(BadInputException.class, () -> Safetensors.read(f));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    return e;
  }

  private static void assertMentions(BadInputException e, String... words) {
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
    }
  }

  @Test
  void badFilesAreRefusedNamingTheFileAndTheProblem() throws IOException {
    String ok = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    Safetensors.read(writeOk(ok)); // the well-formed variant is accepted

    assertMentions(bad("short.safetensors", new byte[] {1, 0, 0}), "truncated", "3 bytes");
    byte[] cut = file(ok, new byte[8]);
    assertMentions(
        bad("cut-header.safetensors", Arrays.copyOf(cut, 20)), "truncated", "header length");
    assertMentions(
        bad("cut-data.safetensors", Arrays.copyOf(cut, cut.length - 1)),
        "data_offsets [0, 8] out of range",
        "7 bytes");
    assertMentions(bad("huge.safetensors", le(8, Long.MAX_VALUE)), "header length");
    assertMentions(
        bad("json.safetensors", file("{\"x\": [", new byte[0])), "header is not valid JSON");
    assertMentions(
        bad("dtype.safetensors", file(ok.replace("F32", "U8"), new byte[8])),
        "tensor x",
        "unsupported dtype U8");
    assertMentions(
        bad(
            "overlap.safetensors",
            file(
                "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                    + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                new byte[8])),
        "overlaps");
    assertMentions(
        bad("negative.safetensors", file(ok.replace("[0,8]", "[-4,4]"), new byte[8])),
        "out of range");
    assertMentions(
        bad("size.safetensors", file(ok.replace("[2]", "[3]"), new byte[8])),
        "hold 8 bytes",
        "needs 12");
    assertMentions(
        bad("shape.safetensors", file(ok.replace("[2]", "[-2]"), new byte[8])), "bad shape");
    assertMentions(
        bad("meta.safetensors", file("{\"__metadata__\":{\"n\":1}}", new byte[0])), "__metadata__");
    BadInputException missing =
        assertThrows(
            BadInputException.class, () -> Safetensors.read(dir.resolve("none.safetensors")));
    assertMentions(missing, "none.safetensors", "no such file");
  }

  private Path writeOk(String header) throws IOException {
    Path f = dir.resolve("ok.safetensors");
    Files.write(f, file(header, new byte[8]));
    return f;
  }

  @Test
  void float16IsWrittenAndReadBackToHalfPrecision() throws IOException {
    Path f = dir.resolve("half.safetensors");
    float[] v = {0f, 1f, -2.5f, 0.1f, 65504f, 1e-5f};
    Safetensors.write(f, Map.of("w", new Tensor(Dtype.F16, new long[] {6}, v)), Map.of());
    Tensor back = Safetensors.read(f).tensors().get("w");
    assertEquals(Dtype.F16, back.dtype());
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i], back.values()[i], Math.abs(v[i]) * 1e-3 + 1e-7, "value " + i);
    }
    assertEquals(8 + 6 * 2, Files.size(f) - headerBytes(f), "two bytes a value");
  }

  private static long headerBytes(Path f) {
    try (var in = Files.newInputStream(f)) {
      byte[] b = in.readNBytes(8);
      return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void writerRefusesOtherDtypesAndTheMetadataName() {
    Path f = dir.resolve("w.safetensors");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Safetensors.write(
                f, Map.of("h", new Tensor(Dtype.BF16, new long[] {1}, new float[1])), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Safetensors.write(
                f, Map.of("__metadata__", Tensor.f32(new long[] {1}, new float[1])), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> Tensor.f32(new long[] {2, 2}, new float[3]));
    assertTrue(Files.notExists(f));
  }
}
