package dev.mnistlab.cli;

import dev.mnistlab.study.Worker;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a worker so that Ctrl-C or SIGTERM stops it cleanly: the JVM's shutdown waits until
 * the worker has queued its running trials again, so none is left {@code RUNNING}.
 */
final class WorkerShutdown {
  /** How long a shutdown waits for the worker to release its trials. */
  private static final long RELEASE_SECONDS = 30;

  private WorkerShutdown() {}

  /** Runs {@code worker} to its end or until the process is asked to stop. */
  static Worker.Summary run(Worker worker) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      worker.stop();
      try {
        finished.await(RELEASE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mnist-lab-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return worker.run();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the process is stopping, as asked.
      }
    }
  }
}
