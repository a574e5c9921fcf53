package dev.mnistlab.worker;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.storage.WorkerId;
import dev.mnistlab.worker.HeldTrials.Held;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Serves one study: claims its queued trials, runs them and stores how each ended, until no trial
 * is waiting or running anywhere. Any number of workers, in any number of processes on any number
 * of machines, may serve one study at once; the storage's atomic claim keeps any trial from running
 * twice.
 *
 * <p>Each of {@link Options#parallel} slots loops: queue again the trials of lost workers ({@link
 * Storage#recoverLost}), claim (when nothing waits, asking the {@link TrialSource}, if any, to
 * queue a trial), run, finish. One heartbeat thread writes a sign of life for every trial this
 * worker holds; when the storage says a trial is no longer held (another worker found this one
 * silent for longer than the grace and queued it again), the run is cancelled and nothing of it is
 * stored. While other workers' trials are running, an idle slot keeps watching them, because their
 * worker may die and their trial must not be skipped.
 *
 * <p>{@link #run} is called once; {@link #stop} may be called from any thread at any time. Every
 * claimed, finished, recovered, released or lost trial is reported as one line.
 */
public final class Worker {
  /** How long a slot waits before asking a source again that said {@code LATER}. */
  private static final long SOURCE_POLL_MILLIS = 200;

  private final Storage storage;
  private final StudyRecord study;
  private final TrialExecutor executor;
  private final Options options;
  private final Consumer<String> log;
  private final Objective objective;
  private final TrialSource source;
  private final String id = WorkerId.current().toString();
  private final WorkerStats stats = new WorkerStats();

  private final HeldTrials held;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean waitingReported = new AtomicBoolean();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * Creates a worker for {@code study}.
   *
   * @param storage where the study is; safe to share between threads
   * @param study the study to serve
   * @param executor runs each claimed trial
   * @param options how many trials at once, heartbeat, grace and attempts
   * @param log receives one line per claimed, finished, recovered, released or lost trial, from
   *     several threads at once
   * @throws InvalidInputException if the study's objective is unknown
   */
  public Worker(
      Storage storage,
      StudyRecord study,
      TrialExecutor executor,
      Options options,
      Consumer<String> log) {
    this(storage, study, executor, options, log, null);
  }

  /**
   * Creates a worker that, whenever no trial waits, asks {@code source} to queue one.
   *
   * @param source makes the study's trials on demand (a search), or null when they are all queued
   *     up front
   */
  public Worker(
      Storage storage,
      StudyRecord study,
      TrialExecutor executor,
      Options options,
      Consumer<String> log,
      TrialSource source) {
    this.source = source;
    this.storage = storage;
    this.study = study;
    this.executor = executor;
    this.options = options;
    this.log = log;
    this.objective = Objective.parse(study.spec().objective());
    this.held = new HeldTrials(storage, id, log);
  }

  /** Returns this worker's id as the storage records it: {@code host:pid:nonce}. */
  public String id() {
    return id;
  }

  /**
   * Serves the study until no trial is waiting and none is running anywhere, or until {@link
   * #stop}; returns what this worker did.
   *
   * @throws InterruptedException if the calling thread was interrupted; the worker has then stopped
   *     as {@link #stop} stops it
   * @throws IllegalStateException if called twice
   */
  public Summary run() throws InterruptedException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a worker runs once; create another");
    }
    long start = System.nanoTime();
    log.accept(
        String.format(
            Locale.ROOT,
            "worker %s serving study %s (%s, %s) in %s: %d at a "
                + "time, heartbeat %s, grace %s, at most %d attempts",
            id,
            study.name(),
            objective.cliName(),
            study.spec().direction().name().toLowerCase(Locale.ROOT),
            storage.describe(),
            options.parallel(),
            seconds(options.heartbeat()),
            seconds(options.grace()),
            options.maxAttempts()));
    ScheduledExecutorService beats =
        Executors.newSingleThreadScheduledExecutor(daemon("heartbeat"));
    long every = options.heartbeat().toMillis();
    beats.scheduleWithFixedDelay(held::beat, every, every, TimeUnit.MILLISECONDS);
    List<Thread> slots = new ArrayList<>();
    for (int i = 1; i <= options.parallel(); i++) {
      Thread slot = daemon("slot-" + i).newThread(this::serve);
      slots.add(slot);
      slot.start();
    }
    try {
      for (Thread slot : slots) {
        slot.join();
      }
    } catch (InterruptedException e) {
      stop();
      joinUninterruptibly(slots);
      throw e;
    } finally {
      beats.shutdown();
      try {
        // A heartbeat in flight must end before the caller closes the storage.
        beats.awaitTermination(options.heartbeat().toMillis() + 1000, TimeUnit.MILLISECONDS);
      } finally {
        ended.countDown();
      }
    }
    Throwable error = failure.get();
    if (error instanceof RuntimeException re) {
      throw re;
    } else if (error instanceof Error e) {
      throw e;
    }
    return stats.summary(isStopping(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Stops the worker: it claims nothing more, cancels its running trials and queues each again with
   * the reason {@code worker stopped}. Returns at once; {@link #run} returns when that is done,
   * which {@link #awaitEnd} waits for. Thread-safe; later calls do nothing.
   */
  public void stop() {
    if (held.stopAll()) {
      stopSignal.countDown();
    }
  }

  /** Waits until {@link #run} has returned; returns false if {@code timeout} passed first. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean isStopping() {
    return stopSignal.getCount() == 0;
  }

  /** Runs one slot's loop; a failure stops the whole worker and {@link #run} rethrows it. */
  private void serve() {
    try {
      while (!isStopping()) {
        recover();
        long t0 = System.nanoTime();
        Optional<TrialRecord> claimed = storage.claim(study.id(), id);
        long claimNanos = System.nanoTime() - t0;
        if (claimed.isPresent()) {
          waitingReported.set(false);
          runHeld(claimed.get(), claimNanos);
          continue;
        }
        if (source != null) {
          TrialSource.Supply supply = source.supply();
          if (supply == TrialSource.Supply.QUEUED) {
            continue;
          }
          if (supply == TrialSource.Supply.LATER) {
            stopSignal.await(SOURCE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            continue;
          }
        }
        int[] left = waitingAndRunning();
        if (left[0] == 0 && left[1] == 0) {
          return;
        }
        if (left[0] == 0) {
          if (waitingReported.compareAndSet(false, true)) {
            log.accept(
                "waiting: no trial is queued, "
                    + left[1]
                    + " running; watching them "
                    + "in case their worker is lost");
          }
          stopSignal.await(options.poll().toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      // Only stop() or run()'s own interruption reach an idle slot; both mean: end.
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
      stop();
    }
  }

  private void runHeld(TrialRecord trial, long claimNanos) {
    Held h = held.hold(trial, claimNanos);
    log.accept(
        String.format(Locale.ROOT, "claimed trial %s, attempt %d", name(trial), trial.attempts()));
    long start = System.nanoTime();
    TrialOutcome outcome = null;
    try {
      outcome = executor.run(trial, objective);
    } catch (InterruptedException e) {
      // Cancelled: stopped, or taken over by another worker; h.lost says which.
    } catch (RuntimeException e) {
      held.forget(h);
      releaseAfter(e, h, "worker failed: " + e.getMessage(), seconds(start));
      throw e;
    }
    held.forget(h);
    double seconds = seconds(start);
    stats.addTrialSeconds(seconds);
    if (h.lost) {
      stats.lost(h.storageNanos.get());
      log.accept(
          String.format(
              Locale.ROOT,
              "lost trial %s after %.1f s: another worker queued"
                  + " it again (no heartbeat within the grace); this run is not stored",
              name(trial),
              seconds));
    } else if (outcome == null || (isStopping() && outcome.state() == TrialState.FAILED)) {
      // A trial that failed while the worker stopped was most likely killed by the same
      // Ctrl-C (a terminal signals the whole process group): queue it again, not fail it.
      try {
        release(h, "worker stopped", seconds);
      } catch (RuntimeException e) {
        logStillRunning(h, e);
        throw e;
      }
    } else {
      finish(h, outcome, seconds);
    }
  }

  private void finish(Held h, TrialOutcome outcome, double seconds) {
    long t0 = System.nanoTime();
    boolean stored;
    try {
      stored = storage.finish(h.trial.id(), id, outcome);
    } catch (RuntimeException e) {
      h.storageNanos.addAndGet(System.nanoTime() - t0);
      // A full disk or a lost connection: the run is gone, but its trial must not stay
      // RUNNING after this process exits, until some other worker happens to recover it.
      releaseAfter(
          e,
          h,
          "its " + outcome.state() + " result could not be stored: " + e.getMessage(),
          seconds);
      throw e;
    }
    long storageNanos = h.storageNanos.addAndGet(System.nanoTime() - t0);
    if (!stored) {
      stats.lost(storageNanos);
      log.accept(
          String.format(
              Locale.ROOT,
              "lost trial %s after %.1f s: another worker queued"
                  + " it again before its result was stored; this run is not stored",
              name(h.trial),
              seconds));
      return;
    }
    stats.finished(outcome.state(), storageNanos);
    String value =
        Double.isNaN(outcome.value())
            ? ""
            : String.format(Locale.ROOT, ", %s %.4f", objective.cliName(), outcome.value());
    String reason = outcome.reason() == null ? "" : ": " + outcome.reason();
    log.accept(
        String.format(
            Locale.ROOT,
            "finished trial %s: %s%s, %.1f s, storage %.0f ms%s",
            name(h.trial),
            outcome.state(),
            value,
            seconds,
            storageNanos / 1e6,
            reason));
  }

  private void release(Held h, String reason, double seconds) {
    long t0 = System.nanoTime();
    boolean released = storage.release(h.trial.id(), id, reason);
    long storageNanos = h.storageNanos.addAndGet(System.nanoTime() - t0);
    stats.released(storageNanos);
    log.accept(
        String.format(
            Locale.ROOT,
            "released trial %s after %.1f s: %s (%s)",
            name(h.trial),
            seconds,
            released ? "queued again" : "already taken over",
            reason));
  }

  /**
   * Queues a held trial again after {@code failure}, which the caller rethrows; if the storage
   * refuses that too, keeps its fault with {@code failure} and says so in the log.
   */
  private void releaseAfter(RuntimeException failure, Held h, String reason, double seconds) {
    try {
      release(h, reason, seconds);
    } catch (RuntimeException alsoFailed) {
      failure.addSuppressed(alsoFailed);
      logStillRunning(h, alsoFailed);
    }
  }

  private void logStillRunning(Held h, RuntimeException e) {
    log.accept(
        "could not queue trial "
            + name(h.trial)
            + " again ("
            + e.getMessage()
            + "); it stays RUNNING until a worker finds this one gone (its process ended, or no"
            + " heartbeat for "
            + seconds(options.grace())
            + ") and queues it again");
  }

  private void recover() {
    for (TrialRecord t : storage.recoverLost(study.id(), options.grace(), options.maxAttempts())) {
      stats.recovered();
      // The storage's reason names the lost worker, why it counts as lost, and the attempts.
      log.accept(
          "recovered trial "
              + name(t)
              + ": "
              + t.state()
              + (t.reason() == null ? "" : ", " + t.reason()));
    }
  }

  /** Returns how many of the study's trials are waiting and how many are running. */
  private int[] waitingAndRunning() {
    int[] counts = new int[2];
    for (TrialRecord t : storage.trials(study.id(), false)) {
      if (t.state() == TrialState.WAITING) {
        counts[0]++;
      } else if (t.state() == TrialState.RUNNING) {
        counts[1]++;
      }
    }
    return counts;
  }

  private static String name(TrialRecord t) {
    return t.number() + " (" + t.label() + ")";
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, "mnist-lab-worker-" + name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void joinUninterruptibly(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Says how a worker runs trials and watches other workers.
   *
   * @param parallel trials at once, each in its own slot, at least 1
   * @param heartbeat how often a sign of life is written for each held trial
   * @param grace how long a running trial may go without a heartbeat before any worker queues it
   *     again; longer than {@code heartbeat}, so one slow beat loses nothing
   * @param maxAttempts claims after which a trial whose worker was lost is marked {@code FAILED}
   *     instead of being queued again, at least 1
   */
  public record Options(int parallel, Duration heartbeat, Duration grace, int maxAttempts) {
    public Options {
      if (parallel < 1) {
        throw new InvalidInputException("--parallel must be >= 1, got " + parallel);
      }
      if (heartbeat == null || heartbeat.toMillis() < 1) {
        throw new InvalidInputException(
            "--heartbeat must be > 0 s, got " + (heartbeat == null ? "none" : seconds(heartbeat)));
      }
      if (grace == null || grace.compareTo(heartbeat) <= 0) {
        throw new InvalidInputException(
            "--grace must be longer than --heartbeat ("
                + seconds(heartbeat)
                + "), got "
                + (grace == null ? "none" : seconds(grace)));
      }
      if (maxAttempts < 1) {
        throw new InvalidInputException("--max-attempts must be >= 1, got " + maxAttempts);
      }
    }

    /** Returns {@code parallel} slots, a heartbeat every 10 s, 60 s of grace, 3 attempts. */
    public static Options defaults(int parallel) {
      return new Options(parallel, Duration.ofSeconds(10), Duration.ofSeconds(60), 3);
    }

    /**
     * Returns how long an idle slot sleeps between looks at the queue: 1 s, or a quarter of the
     * grace when that is shorter, so a lost trial is taken over soon after its grace.
     */
    public Duration poll() {
      Duration quarter = grace.dividedBy(4);
      return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? quarter : Duration.ofSeconds(1);
    }
  }

  /**
   * Tells what one worker did.
   *
   * @param finished trials it stored, by the state they ended in
   * @param released trials it queued again because it stopped (or failed)
   * @param recovered other workers' lost trials it queued again or marked failed
   * @param lost trials it ran but whose result it did not store, because another worker had taken
   *     them over
   * @param stopped whether {@link #stop} ended it rather than an empty queue
   * @param seconds its wall time
   * @param trialSeconds the wall time of its trial runs together
   * @param storageSeconds the storage's time for its trials together: claims, heartbeats, finishes
   *     and releases
   */
  public record Summary(
      Map<TrialState, Integer> finished,
      int released,
      int recovered,
      int lost,
      boolean stopped,
      double seconds,
      double trialSeconds,
      double storageSeconds) {
    public Summary {
      EnumMap<TrialState, Integer> copy = new EnumMap<>(TrialState.class);
      copy.putAll(finished);
      finished = java.util.Collections.unmodifiableMap(copy);
    }

    /** Returns how many trials it stored, in every state together. */
    public int finishedCount() {
      return finished.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Returns the storage's time as a fraction of the trials' time, or NaN before any. */
    public double storageShare() {
      return trialSeconds > 0 ? storageSeconds / trialSeconds : Double.NaN;
    }
  }
}
