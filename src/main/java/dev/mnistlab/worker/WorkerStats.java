package dev.mnistlab.worker;

import dev.mnistlab.storage.TrialState;
import java.util.EnumMap;
import java.util.Map;

/** Counts what a {@link Worker}'s slots did, from several threads at once. */
final class WorkerStats {
  private final Map<TrialState, Integer> finished = new EnumMap<>(TrialState.class);
  private int released;
  private int recovered;
  private int lost;
  private double trialSeconds;
  private long storageNanos;

  synchronized void finished(TrialState state, long trialStorageNanos) {
    finished.merge(state, 1, Integer::sum);
    storageNanos += trialStorageNanos;
  }

  synchronized void released(long trialStorageNanos) {
    released++;
    storageNanos += trialStorageNanos;
  }

  synchronized void lost(long trialStorageNanos) {
    lost++;
    storageNanos += trialStorageNanos;
  }

  synchronized void recovered() {
    recovered++;
  }

  synchronized void addTrialSeconds(double seconds) {
    trialSeconds += seconds;
  }

  synchronized Worker.Summary summary(boolean stopped, double seconds) {
    return new Worker.Summary(
        finished, released, recovered, lost, stopped, seconds, trialSeconds, storageNanos / 1e9);
  }
}
