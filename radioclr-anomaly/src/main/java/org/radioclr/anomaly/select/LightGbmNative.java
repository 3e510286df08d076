package org.radioclr.anomaly.select;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.util.function.BooleanSupplier;
import org.radioclr.core.RadioclrException;

/**
 * Loads LightGBM's native library (shipped inside the lightgbm4j jar for Linux x86-64/aarch64,
 * macOS and Windows; it needs the system's OpenMP runtime, {@code libgomp}, on Linux) once, and
 * turns any failure into one clear {@link RadioclrException}. lightgbm4j logs the extraction at
 * INFO through slf4j-simple; that logger is set to warn unless configured already.
 */
final class LightGbmNative {
  private static final String LOG_KEY = "org.slf4j.simpleLogger.log.io.github.metarank.lightgbm4j";

  private LightGbmNative() {}

  /**
   * Makes sure the native library is loaded.
   *
   * @throws RadioclrException when it cannot be
   */
  static void require() {
    if (System.getProperty(LOG_KEY) == null) {
      System.setProperty(LOG_KEY, "warn");
    }
    require(LGBMBooster::isNativeLoaded);
  }

  /** {@link #require()} with the check injected (for tests). */
  static void require(BooleanSupplier loaded) {
    boolean ok;
    try {
      ok = loaded.getAsBoolean();
    } catch (LinkageError e) {
      // an UnsatisfiedLinkError (e.g. no libgomp) surfaces as ExceptionInInitializerError, then
      // NoClassDefFoundError on later uses
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new RadioclrException(
          "cannot load the LightGBM native library for "
              + platform()
              + ": "
              + root.getMessage()
              + " (on Linux it needs the OpenMP runtime libgomp.so.1)",
          e);
    }
    if (!ok) {
      throw new RadioclrException(
          "cannot load the LightGBM native library: lightgbm4j ships none for " + platform());
    }
  }

  private static String platform() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
