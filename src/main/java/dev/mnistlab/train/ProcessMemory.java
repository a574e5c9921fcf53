package dev.mnistlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads this process's resident memory from {@code /proc/self/status}, where native memory (the
 * engine's tensors) shows too, unlike the JVM's heap figures.
 */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Returns the resident set size now, in MiB, or NaN where /proc is missing. */
  public static double rssMb() {
    return readKb("VmRSS:") / 1024.0;
  }

  /** Returns the peak resident set size so far, in MiB, or NaN where /proc is missing. */
  public static double peakRssMb() {
    return readKb("VmHWM:") / 1024.0;
  }

  private static double readKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Double.parseDouble(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
