package dev.mnistlab.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses and applies the engine's thread counts, which change small-net training speed by 10-30x
 * on a 2-core machine (see the README's benchmark).
 *
 * <p>Intra-op threads split one operation (a matrix product) across cores; inter-op threads run
 * independent operations side by side. Small networks spend their time in per-operation overhead
 * that extra threads only add to, so the automatic choice is one thread unless a step's matrix work
 * is large enough to share; one inter-op thread always.
 *
 * @param intraOp threads per operation
 * @param interOp threads across operations
 * @param automatic whether {@link #choose} picked the counts rather than the user
 */
public record ThreadSettings(int intraOp, int interOp, boolean automatic) {
  /**
   * Multiply-adds per step above which a second intra-op thread pays for itself. Measured on 2
   * cores: the seed's trial-1 net (50k weights, batch 16, 0.8M per step) is fastest on one thread;
   * the trial-7 net (536k weights, batch 100, 54M per step) on two.
   */
  static final long SHARE_ABOVE_MACS_PER_STEP = 10_000_000L;

  public ThreadSettings {
    if (intraOp < 1 || interOp < 1) {
      throw new IllegalArgumentException(
          "thread counts must be >= 1, got " + intraOp + ", " + interOp);
    }
  }

  /**
   * Returns the settings for a run: the user's {@code requested} count when above 0, otherwise one
   * thread, or two when a step's matrix work (weights times batch) is large enough to split and no
   * other process is using a core.
   */
  public static ThreadSettings choose(int requested, long parameters, int batchSize) {
    if (requested > 0) {
      return new ThreadSettings(requested, 1, false);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    long macsPerStep = parameters * batchSize;
    boolean large = macsPerStep > SHARE_ABOVE_MACS_PER_STEP;
    int threads = large && busyCores() == 0 ? Math.min(cores, 2) : 1;
    return new ThreadSettings(threads, 1, true);
  }

  /**
   * Returns how many other threads are running or waiting for a core right now (the least of a few
   * readings of {@code /proc/stat}), or 0 where that is unknown.
   *
   * <p>A second engine thread only pays while a core is free: OpenMP's threads meet at a barrier
   * after every operation, so when another process holds a core each operation waits for a
   * descheduled thread. Measured on 2 cores with one busy loop beside it, a 2-thread epoch of the
   * trial-7 network took 3x its idle time, a 1-thread epoch 1.3x.
   */
  static int busyCores() {
    int least = Integer.MAX_VALUE;
    for (int reading = 0; reading < 5; reading++) {
      least = Math.min(least, runnableThreads() - 1);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Math.max(0, least);
  }

  private static int runnableThreads() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.startsWith("procs_running ")) {
          return Integer.parseInt(line.substring("procs_running ".length()).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux: assume the machine is free, as without this check.
    }
    return 1;
  }

  /**
   * Makes the engine use these settings. The inter-op count can only be set before the engine
   * starts, so {@link #configureBeforeEngineStart} sets it; the intra-op count is set here and
   * holds for the whole process.
   */
  public void apply() {
    Engine.getEngine("PyTorch"); // loads the native library before the first JNI call
    if (JniUtils.getNumThreads() != intraOp) {
      JniUtils.setNumThreads(intraOp);
    }
  }

  /**
   * Sets the system properties DJL's PyTorch engine reads when it starts: offline mode and one
   * thread of each kind, to be raised per run by {@link #apply}.
   */
  public static void configureBeforeEngineStart() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    System.setProperty("ai.djl.pytorch.num_threads", "1");
  }
}
