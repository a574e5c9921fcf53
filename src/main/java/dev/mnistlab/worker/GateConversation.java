package dev.mnistlab.worker;

import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochGate;
import dev.mnistlab.train.EpochMetrics;
import java.io.IOException;

/**
 * Follows one run in a {@link TrainingServer} through its {@link EpochGate}, on a thread of its
 * own: reads each epoch line, asks the trial's judge, and answers go or stop, until the server's
 * done line (the run ended) or the end of its stdout (the process ended), or until {@link #cancel}
 * interrupts it.
 */
final class GateConversation {
  private final TrainingServer server;
  private final EpochJudge judge;
  private final int epochs;
  private final Thread thread;
  private volatile String stopReason;
  private volatile int stoppedAfter;
  private volatile Integer exitCode;
  private volatile RuntimeException failure;

  private GateConversation(TrainingServer server, EpochJudge judge, int epochs, String name) {
    this.server = server;
    this.judge = judge;
    this.epochs = epochs;
    this.thread = new Thread(this::talk, "mnist-lab-gate-" + name.replace(' ', '-'));
    thread.setDaemon(true);
  }

  /**
   * Starts following the run of {@code epochs} epochs that {@code server} was just sent ({@code
   * train --epoch-gate}).
   */
  static GateConversation start(TrainingServer server, EpochJudge judge, int epochs, String name) {
    GateConversation gate = new GateConversation(server, judge, epochs, name);
    gate.thread.start();
    return gate;
  }

  /**
   * Waits until the run has ended and returns its exit code, or null when the process ended without
   * saying (it crashed or was killed).
   *
   * @throws RuntimeException what the judge threw, after which the process was killed
   */
  Integer awaitEnd() throws InterruptedException {
    thread.join();
    if (failure != null) {
      throw failure;
    }
    return exitCode;
  }

  /** Stops the conversation: the trial was cancelled and its process is being stopped. */
  void cancel() {
    thread.interrupt();
  }

  /** Returns {@code outcome}, as {@code PRUNED} if the judge stopped a run that completed. */
  TrialOutcome verdict(TrialOutcome outcome) {
    if (stopReason == null || outcome.state() != TrialState.COMPLETE) {
      return outcome;
    }
    return new TrialOutcome(
        TrialState.PRUNED,
        "pruned after epoch " + stoppedAfter + ": " + stopReason,
        outcome.value(),
        outcome.result());
  }

  private void talk() {
    try {
      String line;
      while ((line = server.readLine()) != null) {
        Integer code = ServerProtocol.exitCode(line);
        if (code != null) {
          exitCode = code;
          return;
        }
        EpochMetrics metrics = EpochGate.parse(line);
        if (metrics == null && line.startsWith(EpochGate.PREFIX)) {
          // Left unanswered, the run would wait for a reply for ever.
          throw new IllegalStateException("cannot read the training process's epoch line: " + line);
        }
        if (metrics == null) {
          continue;
        }
        String reason = judge.afterEpoch(metrics);
        if (metrics.epoch() >= epochs) {
          continue; // the run does not wait after its last epoch
        }
        if (reason != null && stopReason == null) {
          stopReason = reason;
          stoppedAfter = metrics.epoch();
        }
        server.send(reason == null ? EpochGate.GO : EpochGate.STOP + reason);
      }
    } catch (InterruptedException e) {
      // Cancelled: the trial's process is being stopped by the caller.
    } catch (IOException e) {
      // The process's stdout closed under us: it ended, which its exit code reports.
    } catch (RuntimeException e) {
      failure = e;
      // The run waits for a reply that will not come.
      server.kill();
    }
  }
}
