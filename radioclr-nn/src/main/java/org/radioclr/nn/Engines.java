package org.radioclr.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
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
 * user who wants another libtorch (e.g. CUDA) can point DJL at it with {@code PYTORCH_LIBRARY_PATH}
 * as usual.
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

  /** A new base manager of the PyTorch engine on {@link #bestDevice()}; the caller closes it. */
  public static NDManager newManager() {
    return pytorch().newBaseManager(bestDevice());
  }

  /** The first GPU when the loaded libtorch sees one, otherwise the CPU. */
  public static Device bestDevice() {
    Engine engine = pytorch();
    return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
