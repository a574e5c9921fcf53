package dev.mnistlab.cli;

import dev.mnistlab.worker.Worker;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C and SIGTERM stop a command's worker cleanly: the JVM's shutdown stops the worker,
 * which queues its running trials again, and waits until the command has finished (its last lines
 * printed, its storage closed) before the process ends. Open it before the storage, so that it
 * closes after it.
 *
 * <pre>{@code
 * try (WorkerShutdown shutdown = new WorkerShutdown(); Storage s = ...) {
 *   Worker.Summary summary = shutdown.run(new Worker(s, ...));
 *   ...
 * }
 * }</pre>
 */
final class WorkerShutdown implements AutoCloseable {
  /** Seconds a stopping command gets to queue its trials again and finish. */
  private static final long STOP_SECONDS = 30;

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stop, "mnist-lab-worker-stop");
  private volatile boolean stopping;
  private volatile Worker worker;

  /** Installs the shutdown hook. */
  WorkerShutdown() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Runs {@code w} to its end, or until the process is asked to stop. */
  Worker.Summary run(Worker w) throws InterruptedException {
    worker = w;
    if (stopping) {
      w.stop();
    }
    return w.run();
  }

  /** Lets a waiting shutdown go on, and removes the hook when there was none. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: the process is stopping, as asked.
    }
  }

  private void stop() {
    stopping = true;
    Worker w = worker;
    if (w != null) {
      w.stop();
    }
    try {
      finished.await(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
