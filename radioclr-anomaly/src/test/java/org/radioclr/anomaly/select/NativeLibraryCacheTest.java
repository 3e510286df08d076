package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {
  @TempDir Path tmp;

  static final byte[] LIB = "the library, version 2".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theRootIsPerUserAndFollowsXdg() {
    assertEquals(
        Path.of("/home/ann/.cache/radioclr/native"),
        NativeLibraryCache.root(Map.of(), "/home/ann"));
    assertEquals(
        Path.of("/scratch/ann/cache/radioclr/native"),
        NativeLibraryCache.root(Map.of("XDG_CACHE_HOME", "/scratch/ann/cache"), "/home/ann"));
    // empty or relative: ignored, as the XDG specification says
    assertEquals(
        Path.of("/home/ann/.cache/radioclr/native"),
        NativeLibraryCache.root(Map.of("XDG_CACHE_HOME", ""), "/home/ann"));
    assertEquals(
        Path.of("/home/ann/.cache/radioclr/native"),
        NativeLibraryCache.root(Map.of("XDG_CACHE_HOME", "cache"), "/home/ann"));
    // versioned: another lightgbm4j version gets another folder
    LightGbmNative.Platform linux = LightGbmNative.Platform.of("Linux", "amd64");
    assertEquals("linux-x86_64", linux.name());
    assertEquals(
        Path.of("/home/ann/.cache/radioclr/native/lightgbm4j-" + LightGbmNative.version())
            .resolve("linux-x86_64"),
        LightGbmNative.cacheFolder(Map.of(), "/home/ann", linux));
    assertFalse(LightGbmNative.version().equals("unknown"));
  }

  @Test
  void writesOnceThenReusesAVerifiedCopy() throws IOException {
    Path dir = tmp.resolve("cache/lightgbm4j-9/linux-x86_64");
    NativeLibraryCache.Installed first = NativeLibraryCache.install(dir, "lib_x.so", LIB);
    assertTrue(first.written());
    assertEquals(dir.resolve("lib_x.so"), first.file());
    assertArrayEquals(LIB, Files.readAllBytes(first.file()));
    Object inode = Files.readAttributes(first.file(), "unix:ino").get("ino");
    if (posix()) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
      assertEquals(
          "r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())));
    }
    NativeLibraryCache.Installed again = NativeLibraryCache.install(dir, "lib_x.so", LIB);
    assertFalse(again.written());
    assertEquals(inode, Files.readAttributes(again.file(), "unix:ino").get("ino"));
    assertEquals(List.of(dir.resolve("lib_x.so")), list(dir)); // no temporary files left
  }

  @Test
  void aStaleOrPlantedFileIsReplacedByRenameNotRewritten() throws IOException {
    Path dir = tmp.resolve("cache");
    Files.createDirectories(dir);
    Path lib = dir.resolve("lib_x.so");
    // same size, other content (an older build): replaced by a new file, the old inode untouched
    byte[] old = "the library, version 1".getBytes(StandardCharsets.US_ASCII);
    Files.write(lib, old);
    Object inode = Files.readAttributes(lib, "unix:ino").get("ino");
    assertTrue(NativeLibraryCache.install(dir, "lib_x.so", LIB).written());
    assertArrayEquals(LIB, Files.readAllBytes(lib));
    assertNotEquals(inode, Files.readAttributes(lib, "unix:ino").get("ino"));
    // other size
    Files.delete(lib);
    Files.write(lib, new byte[] {1, 2, 3});
    assertTrue(NativeLibraryCache.install(dir, "lib_x.so", LIB).written());
    assertArrayEquals(LIB, Files.readAllBytes(lib));
    // a link to the right bytes elsewhere: replaced by a file, the link's target left alone
    Path elsewhere = tmp.resolve("elsewhere.so");
    Files.write(elsewhere, LIB);
    Files.delete(lib);
    Files.createSymbolicLink(lib, elsewhere);
    assertTrue(NativeLibraryCache.install(dir, "lib_x.so", LIB).written());
    assertTrue(Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS));
    assertArrayEquals(LIB, Files.readAllBytes(elsewhere));
    assertEquals(List.of(lib), list(dir));
  }

  @Test
  void aFolderOpenToOthersIsMadeOwnerOnly() throws IOException {
    if (!posix()) {
      return;
    }
    Path dir = tmp.resolve("open");
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    NativeLibraryCache.install(dir, "lib_x.so", LIB);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
  }

  private boolean posix() {
    return tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
