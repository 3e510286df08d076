package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.core.RadioclrException;

class LightGbmNativeTest {
  @Test
  void loadsHere() {
    LightGbmNative.require();
  }

  /**
   * The libraries the process has mapped are the per-user cache's ({@code $XDG_CACHE_HOME}, which
   * the build sets to the module's target folder, else {@code ~/.cache}), not lightgbm4j's files in
   * {@code java.io.tmpdir}, and lightgbm4j counts them as loaded.
   */
  @Test
  void loadsFromThePerUserCache() throws IOException {
    String tmpdir = System.getProperty("java.io.tmpdir");
    LightGbmNative.require();
    assertEquals(tmpdir, System.getProperty("java.io.tmpdir"));
    assertTrue(LGBMBooster.isNativeLoaded());
    LightGbmNative.Platform platform =
        LightGbmNative.Platform.of(System.getProperty("os.name"), System.getProperty("os.arch"));
    assumeTrue(
        platform != null && System.getenv(LightGbmNative.PATH_OVERRIDE) == null,
        "lightgbm4j's own loader is used here");
    Path cache =
        LightGbmNative.cacheFolder(System.getenv(), System.getProperty("user.home"), platform);
    assertEquals(cache, LightGbmNative.loadedFrom());
    for (String lib : platform.libraries()) {
      assertTrue(Files.isRegularFile(cache.resolve(lib)), lib);
    }
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "no /proc/self/maps to see the mapped libraries");
    List<String> mapped =
        Files.readAllLines(maps).stream()
            .filter(l -> l.contains("lib_lightgbm"))
            .map(l -> l.substring(l.indexOf('/')))
            .distinct()
            .sorted()
            .toList();
    assertEquals(
        platform.libraries().stream().map(l -> cache.resolve(l).toString()).sorted().toList(),
        mapped);
    // and lightgbm4j's own extraction never ran: a later LGBMDataset would not retry it either
    LGBMBooster.loadNative();
    assertEquals(
        mapped,
        Files.readAllLines(maps).stream()
            .filter(l -> l.contains("lib_lightgbm"))
            .map(l -> l.substring(l.indexOf('/')))
            .distinct()
            .sorted()
            .toList());
  }

  @Test
  void aMissingLibraryIsOneClearError() {
    RadioclrException e =
        assertThrows(
            RadioclrException.class,
            () ->
                LightGbmNative.require(
                    () -> {
                      throw new ExceptionInInitializerError(
                          new UnsatisfiedLinkError("libgomp.so.1: cannot open shared object"));
                    }));
    assertTrue(
        e.getMessage().startsWith("cannot load the LightGBM native library for "), e.getMessage());
    assertTrue(e.getMessage().contains("libgomp.so.1: cannot open shared object"), e.getMessage());
    RadioclrException none =
        assertThrows(RadioclrException.class, () -> LightGbmNative.require(() -> false));
    assertEquals(
        "cannot load the LightGBM native library: lightgbm4j ships none for "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch"),
        none.getMessage());
  }
}
