package dev.mnistlab.cli;

import dev.mnistlab.study.Worker;
import java.time.Duration;

/**
 * Runs a worker so that Ctrl-C or SIGTERM stops it cleanly: the JVM's shutdown waits until
 * the worker has queued its running trials again, so none is left {@code RUNNING} until
 * another worker's grace runs out.
 */
final class WorkerShutdown {
  /** How long a stopping worker gets to queue its trials again. */
  private static final Duration RELEASE = Duration.ofSeconds(30);

  private WorkerShutdown() {}

  /** Runs {@code worker} to its end or until the process is asked to stop. */
  static Worker.Summary run(Worker worker) throws InterruptedException {
    Thread hook = new Thread(() -> {
      worker.stop();
      try {
        worker.awaitEnd(RELEASE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mnist-lab-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return worker.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the process is stopping, as asked.
      }
    }
  }
}
