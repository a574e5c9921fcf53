package dev.mnistlab.model;

import java.lang.management.ManagementFactory;

/**
 * Reads how much memory this machine has, the limit {@link MemoryEstimate} is held to.
 *
 * <p>The limit is the total physical memory, from {@code
 * com.sun.management.OperatingSystemMXBean#getTotalMemorySize}, which in a container is the
 * container's limit. It is not {@code MemAvailable}: the check runs when a study is queued, maybe
 * hours before a trial trains and while other trials hold memory, so what happens to be free at
 * that moment says little about the run; and a limit that moved with the page cache and other jobs
 * would make the same command pass one minute and fail the next. A network over the total can never
 * train here; one under it may still need others to finish first, which is the engine's or the
 * operator's call, not a refusal.
 */
public final class MachineMemory {
  private MachineMemory() {}

  /** Returns the machine's total physical memory in bytes, or Long.MAX_VALUE if unknown. */
  public static long totalBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long total = os.getTotalMemorySize();
      if (total > 0) {
        return total;
      }
    }
    // With no figure to compare with, refuse nothing rather than everything.
    return Long.MAX_VALUE;
  }
}
