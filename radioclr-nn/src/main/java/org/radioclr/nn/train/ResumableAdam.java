package org.radioclr.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adam (Kingma and Ba 2015) whose state can be saved and restored, so that an interrupted run
 * resumes bit for bit. DJL's own {@link ai.djl.training.optimizer.Adam} keeps its moments in
 * private maps keyed by parameter ids that are random per process, with no API to save them; this
 * class runs the same fused kernel ({@code NDArrayEx.adamUpdate}, non-lazy arguments as DJL's Adam:
 * L2 weight decay added to the gradient, bias correction folded into the step size) but keys its
 * state by parameter <em>name</em> and takes the step number and learning rate from the caller.
 *
 * <p>Saved form ({@link #save}): big-endian int magic {@code "RADA"}, version 1, entry count, then
 * per parameter (sorted by name) its name (modified UTF-8), and the first then second moment, each
 * as rank, dimensions (longs), value count and float32 values.
 *
 * <p>Use: {@link #bind(Map)} the parameter ids to names, then for every step call {@link
 * #beginStep(int, float)} before the updates. State: per parameter the first and second moments
 * (same shape as the parameter, float32), plus the number of completed steps.
 */
public final class ResumableAdam extends Optimizer {
  private static final int MAGIC = 0x52414441; // "RADA"
  private static final int VERSION = 1;

  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final NDManager manager;
  private final Map<String, NDArray> means = new TreeMap<>();
  private final Map<String, NDArray> variances = new TreeMap<>();
  private Map<String, String> names = Map.of();
  private int step = -1;
  private float learningRate;

  private ResumableAdam(Builder b) {
    super(b);
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
    this.manager = Objects.requireNonNull(b.manager, "manager");
  }

  /** A builder: betas 0.9, 0.999, epsilon 1e-8 (PyTorch's defaults). */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the map from DJL parameter id to a stable parameter name. */
  public void bind(Map<String, String> idToName) {
    this.names = Map.copyOf(idToName);
  }

  /**
   * Declares that the following updates belong to step {@code step} (0-based) at rate {@code lr}.
   */
  public void beginStep(int step, float lr) {
    if (step < 0 || !Float.isFinite(lr) || lr < 0) {
      throw new IllegalArgumentException("bad step " + step + " or learning rate " + lr);
    }
    this.step = step;
    this.learningRate = lr;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    if (step < 0) {
      throw new IllegalStateException("beginStep was not called");
    }
    String name = names.get(parameterId);
    if (name == null) {
      throw new IllegalStateException("parameter id " + parameterId + " is not bound to a name");
    }
    int t = step + 1;
    double coef1 = 1.0 - Math.pow(beta1, t);
    double coef2 = 1.0 - Math.pow(beta2, t);
    float lr = learningRate;
    float biasCorrected = (float) (lr * Math.sqrt(coef2) / coef1);
    NDArray mean = means.computeIfAbsent(name, k -> zerosLike(weight));
    NDArray variance = variances.computeIfAbsent(name, k -> zerosLike(weight));
    NDList inputs = new NDList(weight, grad, mean, variance);
    NDList weights = new NDList(weight);
    weight
        .getNDArrayInternal()
        .adamUpdate(
            inputs,
            weights,
            lr,
            biasCorrected,
            getWeightDecay(),
            rescaleGrad,
            clipGrad,
            beta1,
            beta2,
            epsilon,
            true,
            false);
  }

  private NDArray zerosLike(NDArray weight) {
    return manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
  }

  /** Writes the moments (by parameter name, sorted) to {@code out}. */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(means.size());
    for (Map.Entry<String, NDArray> e : means.entrySet()) {
      out.writeUTF(e.getKey());
      writeArray(out, e.getValue());
      writeArray(out, variances.get(e.getKey()));
    }
  }

  /**
   * Replaces the moments with those read from {@code in} (written by {@link #save}).
   *
   * @throws IOException when the stream is not an optimizer state or is truncated
   */
  public void load(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a radioclr Adam state");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("unsupported Adam state version " + version);
    }
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative entry count " + n);
    }
    Map<String, NDArray> m = new TreeMap<>();
    Map<String, NDArray> v = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      m.put(name, readArray(in));
      v.put(name, readArray(in));
    }
    clear();
    means.putAll(m);
    variances.putAll(v);
  }

  private void clear() {
    means.values().forEach(NDArray::close);
    variances.values().forEach(NDArray::close);
    means.clear();
    variances.clear();
  }

  private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
    long[] shape = a.getShape().getShape();
    out.writeInt(shape.length);
    for (long d : shape) {
      out.writeLong(d);
    }
    float[] data = a.toType(DataType.FLOAT32, false).toFloatArray();
    out.writeInt(data.length);
    ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
    bytes.asFloatBuffer().put(data);
    out.write(bytes.array());
  }

  private NDArray readArray(DataInputStream in) throws IOException {
    int rank = in.readInt();
    if (rank < 0 || rank > 8) {
      throw new IOException("bad array rank " + rank);
    }
    long[] shape = new long[rank];
    for (int i = 0; i < rank; i++) {
      shape[i] = in.readLong();
    }
    int n = in.readInt();
    Shape s = new Shape(shape);
    if (n < 0 || s.size() != n) {
      throw new IOException("array of shape " + s + " with " + n + " values");
    }
    byte[] bytes = new byte[Math.multiplyExact(n, Float.BYTES)];
    in.readFully(bytes);
    float[] data = new float[n];
    ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(data);
    return manager.create(data, s);
  }

  /** Builder of {@link ResumableAdam}. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-8f;
    private NDManager manager;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The manager that owns the moment arrays (the model's). */
    public Builder setManager(NDManager value) {
      this.manager = value;
      return this;
    }

    /** First-moment decay. */
    public Builder optBeta1(float value) {
      this.beta1 = value;
      return this;
    }

    /** Second-moment decay. */
    public Builder optBeta2(float value) {
      this.beta2 = value;
      return this;
    }

    /** Denominator epsilon. */
    public Builder optEpsilon(float value) {
      this.epsilon = value;
      return this;
    }

    /** Builds the optimizer. */
    public ResumableAdam build() {
      return new ResumableAdam(this);
    }
  }
}
