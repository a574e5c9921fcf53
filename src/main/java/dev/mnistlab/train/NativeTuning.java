package dev.mnistlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the launcher did to the native side of this process for speed, read back from the process
 * itself: whether the MKL vendor shim is loaded (on AMD processors it lets the engine's MKL use the
 * AVX2/AVX-512 path) and glibc's mmap threshold (kept high so that each training step does not
 * fault its buffers in again). See README, "Native speed".
 */
public final class NativeTuning {
  /** The file name of the shim the launcher builds from src/main/native. */
  public static final String SHIM_NAME = "libmkl-any-vendor.so";

  private NativeTuning() {}

  /** Returns whether the MKL vendor shim is mapped into this process. */
  public static boolean mklShimLoaded() {
    try {
      return Files.readString(Path.of("/proc/self/maps")).contains(SHIM_NAME);
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns glibc's mmap threshold in bytes as set in the environment, or -1 (its default). */
  public static long mmapThreshold() {
    String value = System.getenv("MALLOC_MMAP_THRESHOLD_");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Returns one line for reports, e.g. {@code MKL vendor shim on, malloc mmap threshold 32 MiB}.
   */
  public static String describe() {
    long threshold = mmapThreshold();
    return String.format(
        Locale.ROOT,
        "MKL vendor shim %s, malloc mmap threshold %s",
        mklShimLoaded() ? "on" : "off",
        threshold < 0 ? "glibc's default" : (threshold >> 20) + " MiB");
  }
}
