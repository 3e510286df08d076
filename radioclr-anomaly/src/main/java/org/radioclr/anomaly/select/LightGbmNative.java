package org.radioclr.anomaly.select;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.radioclr.core.RadioclrException;

/**
 * Loads LightGBM's native library (shipped inside the lightgbm4j jar for Linux x86-64/aarch64,
 * macOS and Windows; it needs the system's OpenMP runtime, {@code libgomp}, on Linux) once, from a
 * per-user cache, and turns any failure into one clear {@link RadioclrException}.
 *
 * <p>lightgbm4j's own loader writes the libraries to the fixed files {@code
 * ${java.io.tmpdir}/lib_lightgbm.so} and {@code lib_lightgbm_swig.so} in place, on every start, and
 * loads whatever is there: on a shared {@code /tmp} another user can plant them, two JVMs truncate
 * and rewrite a file the other has loaded, and nothing is versioned. Its only hooks are the
 * environment variable {@code LIGHTGBM_NATIVE_LIB_PATH} (a folder it loads the libraries from
 * without writing) and {@code java.io.tmpdir}, both read when {@code LGBMBooster} is initialised.
 * So radioclr takes the libraries out of the jar into {@link NativeLibraryCache} ({@code
 * ~/.cache/radioclr/native/lightgbm4j-VERSION/PLATFORM/}: owner-only, written atomically, reused
 * only when size and SHA-256 match the jar's) and loads them with {@link System#load} itself; then
 * it initialises {@code LGBMBooster} with {@code java.io.tmpdir} briefly pointing at a folder that
 * does not exist, so that lightgbm4j's extraction fails before it writes anything, and marks
 * lightgbm4j's libraries as loaded (its private {@code nativeLoaded} flag, which otherwise makes
 * every later {@code LGBMDataset} retry the extraction). The JDK's own temporary files use the
 * {@code java.io.tmpdir} of the JVM's start, so the brief change does not move them.
 *
 * <p>When {@code LIGHTGBM_NATIVE_LIB_PATH} is set, or lightgbm4j ships nothing for this platform,
 * lightgbm4j's loader runs as it is. lightgbm4j logs at INFO through slf4j-simple; that logger is
 * set to warn unless configured already.
 */
final class LightGbmNative {
  private static final String LOG_KEY = "org.slf4j.simpleLogger.log.io.github.metarank.lightgbm4j";

  /** lightgbm4j's own override: a folder holding the libraries, loaded without extraction. */
  static final String PATH_OVERRIDE = "LIGHTGBM_NATIVE_LIB_PATH";

  private static final String BOOSTER = "io.github.metarank.lightgbm4j.LGBMBooster";
  private static final String POM_PROPERTIES =
      "META-INF/maven/io.github.metarank/lightgbm4j/pom.properties";

  /** The folder the libraries were loaded from, once loaded from the cache. */
  private static volatile Path loadedFrom;

  private static boolean done;

  private LightGbmNative() {}

  /**
   * lightgbm4j's libraries for one platform.
   *
   * @param name the platform's folder name in the cache, e.g. {@code linux-x86_64}
   * @param resources the jar folder, e.g. {@code lightgbm4j/linux/x86_64/}
   * @param libraries file names in load order (LightGBM, then its JNI wrapper)
   */
  record Platform(String name, String resources, List<String> libraries) {
    /** The platform of {@code os.name} and {@code os.arch} as lightgbm4j matches them, or null. */
    static Platform of(String os, String arch) {
      String a = arch.toLowerCase(Locale.ENGLISH);
      String cpu =
          a.startsWith("amd64") || a.startsWith("x86_64")
              ? "x86_64"
              : a.startsWith("aarch64") || a.startsWith("arm64") ? "aarch64" : null;
      if (cpu == null) {
        return null;
      }
      if (os.startsWith("Linux") || os.startsWith("LINUX")) {
        return new Platform(
            "linux-" + cpu,
            "lightgbm4j/linux/" + cpu + "/",
            List.of("lib_lightgbm.so", "lib_lightgbm_swig.so"));
      }
      if (os.startsWith("Mac")) {
        return new Platform(
            "osx-" + cpu,
            "lightgbm4j/osx/" + cpu + "/",
            List.of("lib_lightgbm.dylib", "lib_lightgbm_swig.dylib"));
      }
      if (os.startsWith("Windows") && cpu.equals("x86_64")) {
        return new Platform(
            "windows-x86_64",
            "lightgbm4j/windows/x86_64/",
            List.of("lib_lightgbm.dll", "lib_lightgbm_swig.dll"));
      }
      return null;
    }
  }

  /**
   * Makes sure the native library is loaded.
   *
   * @throws RadioclrException when it cannot be
   */
  static synchronized void require() {
    if (done) {
      return;
    }
    if (System.getProperty(LOG_KEY) == null) {
      System.setProperty(LOG_KEY, "warn");
    }
    Platform platform = Platform.of(System.getProperty("os.name"), System.getProperty("os.arch"));
    if (System.getenv(PATH_OVERRIDE) != null || platform == null) {
      require(LGBMBooster::isNativeLoaded);
    } else {
      loadFromCache(
          cacheFolder(System.getenv(), System.getProperty("user.home"), platform), platform);
    }
    done = true;
  }

  /**
   * The cache folder of this lightgbm4j version's libraries for {@code platform}: {@code
   * NativeLibraryCache.root(...)/lightgbm4j-VERSION/PLATFORM}.
   */
  static Path cacheFolder(Map<String, String> env, String userHome, Platform platform) {
    return NativeLibraryCache.root(env, userHome)
        .resolve("lightgbm4j-" + version())
        .resolve(platform.name());
  }

  /** The folder the libraries were loaded from ({@code null} when lightgbm4j loaded them). */
  static Path loadedFrom() {
    return loadedFrom;
  }

  /** lightgbm4j's version from its jar's Maven metadata, {@code unknown} without it. */
  static String version() {
    try (InputStream in = loader().getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && v.matches("[A-Za-z0-9._-]+")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through: the SHA-256 check still guards the files
    }
    return "unknown";
  }

  private static void loadFromCache(Path dir, Platform platform) {
    List<Path> files = new ArrayList<>();
    for (String name : platform.libraries()) {
      byte[] content = NativeLibraryCache.resource(loader(), platform.resources() + name);
      if (content == null) {
        throw new RadioclrException(
            "cannot load the LightGBM native library: lightgbm4j ships none for " + platform());
      }
      files.add(NativeLibraryCache.install(dir, name, content).file());
    }
    try {
      for (Path f : files) {
        System.load(f.toString());
      }
    } catch (UnsatisfiedLinkError e) {
      throw loadFailure(e);
    }
    initialiseWithoutExtraction(dir);
    loadedFrom = dir;
  }

  /**
   * Initialises {@code LGBMBooster} with {@code java.io.tmpdir} pointing at a missing folder (its
   * extraction then fails before writing and its initialiser logs that at INFO), then sets its
   * {@code nativeLoaded} flag: the libraries are already loaded from {@code dir}.
   */
  private static void initialiseWithoutExtraction(Path dir) {
    Path nowhere = dir.resolve("no-extraction-" + UUID.randomUUID());
    if (Files.exists(nowhere)) {
      throw new IllegalStateException(nowhere + " exists");
    }
    String tmp = System.getProperty("java.io.tmpdir");
    try {
      System.setProperty("java.io.tmpdir", nowhere.toString());
      Class.forName(BOOSTER, true, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw loadFailure(e);
    } finally {
      System.setProperty("java.io.tmpdir", tmp);
    }
    try {
      Field loaded = LGBMBooster.class.getDeclaredField("nativeLoaded");
      loaded.setAccessible(true);
      loaded.setBoolean(null, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new RadioclrException(
          "lightgbm4j "
              + version()
              + " changed how it loads its native library (no nativeLoaded flag: "
              + e
              + "); radioclr's loader needs an update",
          e);
    }
    require(LGBMBooster::isNativeLoaded);
  }

  private static ClassLoader loader() {
    return LGBMBooster.class.getClassLoader(); // loads the class without initialising it
  }

  /** {@link #require()} with the check injected (for tests). */
  static void require(BooleanSupplier loaded) {
    boolean ok;
    try {
      ok = loaded.getAsBoolean();
    } catch (LinkageError e) {
      // an UnsatisfiedLinkError (e.g. no libgomp) surfaces as ExceptionInInitializerError, then
      // NoClassDefFoundError on later uses
      throw loadFailure(e);
    }
    if (!ok) {
      throw new RadioclrException(
          "cannot load the LightGBM native library: lightgbm4j ships none for " + platform());
    }
  }

  private static RadioclrException loadFailure(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new RadioclrException(
        "cannot load the LightGBM native library for "
            + platform()
            + ": "
            + root.getMessage()
            + " (on Linux it needs the OpenMP runtime libgomp.so.1)",
        e);
  }

  private static String platform() {
    return System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
