package dev.mnistlab.worker;

import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.TrialRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeps the trials one {@link Worker} holds, writes their heartbeats and cancels their runs by
 * interrupting the thread that runs each.
 *
 * <p>Every change of the held set happens under one lock, together with the interrupts, so an
 * interrupt never reaches a thread after it has let go of its trial: {@link #forget} clears
 * whatever interrupt was meant for the run before the thread goes on to the storage.
 */
final class HeldTrials {
  private final Storage storage;
  private final String workerId;
  private final Consumer<String> log;
  private final Map<Long, Held> held = new HashMap<>(); // guarded by this
  private boolean stopping; // guarded by this

  HeldTrials(Storage storage, String workerId, Consumer<String> log) {
    this.storage = storage;
    this.workerId = workerId;
    this.log = log;
  }

  /**
   * Records that the calling thread now runs {@code trial}, claimed in {@code claimNanos};
   * interrupts it at once if the worker is stopping, so its run is cancelled before it starts.
   */
  synchronized Held hold(TrialRecord trial, long claimNanos) {
    Held h = new Held(trial, Thread.currentThread(), claimNanos);
    held.put(trial.id(), h);
    if (stopping) {
      h.thread.interrupt();
    }
    return h;
  }

  /** Stops heartbeats for {@code h} and clears an interrupt that was meant for its run. */
  synchronized void forget(Held h) {
    held.remove(h.trial.id());
    Thread.interrupted();
  }

  /** Cancels every held trial's run and every later one; returns false if already done. */
  synchronized boolean stopAll() {
    if (stopping) {
      return false;
    }
    stopping = true;
    for (Held h : held.values()) {
      h.thread.interrupt();
    }
    return true;
  }

  /** Writes a heartbeat for every held trial and cancels those the storage says are lost. */
  void beat() {
    List<Held> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(held.values());
    }
    for (Held h : snapshot) {
      long t0 = System.nanoTime();
      boolean holds;
      try {
        holds = storage.heartbeat(h.trial.id(), workerId);
      } catch (RuntimeException e) {
        // The next beat tries again; the grace is longer than one beat.
        log.accept("heartbeat for trial " + h.trial.number() + " failed: " + e.getMessage());
        continue;
      } finally {
        h.storageNanos.addAndGet(System.nanoTime() - t0);
      }
      if (!holds) {
        synchronized (this) {
          if (held.get(h.trial.id()) == h) {
            h.lost = true;
            h.thread.interrupt();
          }
        }
      }
    }
  }

  /** A trial a worker holds: the thread that runs it, its storage time, whether it is lost. */
  static final class Held {
    final TrialRecord trial;
    final Thread thread;

    /** Storage time spent on this trial so far: its claim, heartbeats, finish or release. */
    final AtomicLong storageNanos;

    /** Set when a heartbeat found that another worker had queued the trial again. */
    volatile boolean lost;

    Held(TrialRecord trial, Thread thread, long claimNanos) {
      this.trial = trial;
      this.thread = thread;
      this.storageNanos = new AtomicLong(claimNanos);
    }
  }
}
