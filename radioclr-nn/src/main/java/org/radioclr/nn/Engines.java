package org.radioclr.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radioclr.core.RadioclrException;

/**
 * Loads DJL's PyTorch engine without touching the network and picks the device to compute on.
 *
 * <p>The CPU libtorch ({@code ai.djl.pytorch:pytorch-native-cpu}, classifier {@code linux-x86_64})
 * and its JNI bridge ({@code ai.djl.pytorch:pytorch-jni}) travel on the class path; DJL extracts
 * them into its cache directory ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}). Without the system
 * property {@code ai.djl.offline=true} DJL would try to download a native library it considers a
 * better match, so {@link #pytorch()} sets that property (unless the user set it explicitly) before
 * the engine class loads anything. It also sets slf4j-simple's level for DJL's loggers to {@code
 * warn} (DJL reports its native set-up at {@code info}) and for DJL's CUDA probe to {@code error}
 * (it warns on machines with a CUDA runtime but no driver); all three only when not already set. A
 * CUDA libtorch comes with the Maven profile {@code cuda} or from an existing installation through
 * {@code PYTORCH_LIBRARY_PATH} (docs/gpu.md); {@link #bestDevice()} then picks the GPU.
 */
public final class Engines {
  /** DJL's name of the PyTorch engine. */
  public static final String PYTORCH = "PyTorch";

  /** The system property that stops DJL from downloading anything at run time. */
  public static final String OFFLINE_PROPERTY = "ai.djl.offline";

  /** slf4j-simple's level for DJL's loggers (set before the first logger is made). */
  private static final String DJL_LOG_PROPERTY = "org.slf4j.simpleLogger.log.ai.djl";

  /** slf4j-simple's level for DJL's CUDA probe (set before the first logger is made). */
  private static final String CUDA_PROBE_LOG_PROPERTY =
      "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

  private Engines() {}

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * Returns the PyTorch engine, loading it offline on first use.
   *
   * @throws RadioclrException when the native library cannot be loaded (cause attached)
   */
  public static synchronized Engine pytorch() {
    setIfAbsent(OFFLINE_PROPERTY, "true");
    // DJL logs its native-library set-up at INFO (4 lines per run); keep warnings and errors
    setIfAbsent(DJL_LOG_PROPERTY, "warn");
    // DJL probes for CUDA and warns when a runtime without a driver is found; not worth a line
    setIfAbsent(CUDA_PROBE_LOG_PROPERTY, "error");
    try {
      return Engine.getEngine(PYTORCH);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new RadioclrException(
          "cannot load the PyTorch engine (DJL "
              + Engine.getDjlVersion()
              + ", offline): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Sizes libtorch's intra-op thread pool for the operators that the calling thread runs: e.g. a
   * Spark task's cores, so that the tasks of one executor do not each take every core. libtorch's
   * CPU build runs operators in OpenMP parallel regions, whose size OpenMP keeps per calling
   * thread, so other threads keep theirs. Benchmarks use it to measure speed against threads.
   *
   * @return the calling thread's previous number
   * @throws IllegalArgumentException when {@code threads < 1}
   */
  public static int setComputeThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("compute threads must be >= 1, got " + threads);
    }
    pytorch();
    int before = JniUtils.getNumThreads();
    JniUtils.setNumThreads(threads);
    return before;
  }

  /** A new base manager of the PyTorch engine on {@link #bestDevice()}; the caller closes it. */
  public static NDManager newManager() {
    return pytorch().newBaseManager(bestDevice());
  }

  /**
   * The device to compute on: the one named by the environment variable {@value #DEVICE_ENV} (or
   * the system property {@value #DEVICE_PROPERTY}, which wins) when set, otherwise the first GPU
   * when the loaded libtorch sees one, otherwise the CPU.
   *
   * @throws IllegalArgumentException when the named device is not {@code cpu}, {@code gpu} or
   *     {@code gpu:N}, or names a GPU this libtorch does not see
   */
  public static Device bestDevice() {
    Engine engine = pytorch();
    String named = System.getProperty(DEVICE_PROPERTY, System.getenv(DEVICE_ENV));
    return named == null || named.isBlank()
        ? (engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu())
        : parseDevice(named, engine.getGpuCount());
  }

  /** The environment variable that names the device ({@code cpu}, {@code gpu}, {@code gpu:1}). */
  public static final String DEVICE_ENV = "RADIOCLR_DEVICE";

  /** The system property that names the device; wins over {@value #DEVICE_ENV}. */
  public static final String DEVICE_PROPERTY = "radioclr.device";

  /**
   * Parses {@code cpu}, {@code gpu} or {@code gpu:N} against the number of GPUs seen.
   *
   * @throws IllegalArgumentException naming the setting and what is available
   */
  static Device parseDevice(String named, int gpus) {
    String s = named.trim().toLowerCase(Locale.ROOT);
    if (s.equals("cpu")) {
      return Device.cpu();
    }
    Matcher m = Pattern.compile("gpu(?::(\\d{1,3}))?").matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          DEVICE_ENV + " must be cpu, gpu or gpu:N, got '" + named + "'");
    }
    int id = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    if (id >= gpus) {
      throw new IllegalArgumentException(
          DEVICE_ENV
              + " asks for "
              + s
              + " but this libtorch sees "
              + gpus
              + " GPU(s) (the CPU build sees none; see docs/gpu.md)");
    }
    return Device.gpu(id);
  }
}
