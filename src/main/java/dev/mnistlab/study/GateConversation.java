package dev.mnistlab.study;

import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochGate;
import dev.mnistlab.train.EpochMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Talks to one training process through its {@link EpochGate} on a thread of its own: reads
 * each epoch line, asks the trial's judge, and answers go or stop. The thread ends when the
 * child closes its stdout (it ended), or when {@link #cancel} interrupts it.
 */
final class GateConversation {
  private final Process process;
  private final EpochJudge judge;
  private final int epochs;
  private final Thread thread;
  private volatile String stopReason;
  private volatile int stoppedAfter;
  private volatile RuntimeException failure;

  private GateConversation(Process process, EpochJudge judge, int epochs, String name) {
    this.process = process;
    this.judge = judge;
    this.epochs = epochs;
    this.thread = new Thread(this::talk, "mnist-lab-gate-" + name.replace(' ', '-'));
    thread.setDaemon(true);
  }

  /**
   * Starts talking to {@code process}, which runs {@code train --epoch-gate} for
   * {@code epochs} epochs.
   */
  static GateConversation start(Process process, EpochJudge judge, int epochs, String name) {
    GateConversation gate = new GateConversation(process, judge, epochs, name);
    gate.thread.start();
    return gate;
  }

  /**
   * Waits until the conversation has ended (the child has ended first).
   *
   * @throws RuntimeException what the judge threw, after which the child was killed
   */
  void awaitEnd() throws InterruptedException {
    thread.join();
    if (failure != null) {
      throw failure;
    }
  }

  /** Stops the conversation: the trial was cancelled and its child stopped. */
  void cancel() {
    thread.interrupt();
  }

  /** Returns {@code outcome}, as {@code PRUNED} if the judge stopped a run that completed. */
  TrialOutcome verdict(TrialOutcome outcome) {
    if (stopReason == null || outcome.state() != TrialState.COMPLETE) {
      return outcome;
    }
    return new TrialOutcome(TrialState.PRUNED, "pruned after epoch " + stoppedAfter + ": "
        + stopReason, outcome.value(), outcome.result());
  }

  private void talk() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            process.getInputStream(), StandardCharsets.UTF_8));
        Writer replies = new OutputStreamWriter(process.getOutputStream(),
            StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        EpochMetrics metrics = EpochGate.parse(line);
        if (metrics == null && line.startsWith(EpochGate.PREFIX)) {
          // Left unanswered, the child would wait for a reply for ever.
          throw new IllegalStateException("cannot read the training process's epoch line: "
              + line);
        }
        if (metrics == null) {
          continue;
        }
        String reason = judge.afterEpoch(metrics);
        if (metrics.epoch() >= epochs) {
          continue; // the child does not wait after its last epoch
        }
        if (reason != null && stopReason == null) {
          stopReason = reason;
          stoppedAfter = metrics.epoch();
        }
        reply(replies, reason == null ? EpochGate.GO : EpochGate.STOP + reason);
      }
    } catch (InterruptedException e) {
      // Cancelled: the trial's process is being stopped by the caller.
    } catch (IOException e) {
      // The child's streams closed under us: it ended, which the exit code reports.
    } catch (RuntimeException e) {
      failure = e;
      // The child waits for a reply that will not come.
      process.destroyForcibly();
    }
  }

  private static void reply(Writer replies, String text) throws IOException {
    replies.write(text.replace('\n', ' ') + "\n");
    replies.flush();
  }
}
