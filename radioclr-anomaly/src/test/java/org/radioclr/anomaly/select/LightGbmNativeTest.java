package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radioclr.core.RadioclrException;

class LightGbmNativeTest {
  @Test
  void loadsHere() {
    LightGbmNative.require();
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
