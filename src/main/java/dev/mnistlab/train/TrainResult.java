package dev.mnistlab.train;

import java.util.List;

/**
 * Holds everything one training run produced: its settings and provenance, per-epoch and sampled
 * per-step metrics, the test evaluation and how it ended.
 *
 * @param config the settings the run used
 * @param provenance where and with what the run happened
 * @param epochs one record per epoch that finished
 * @param steps the training loss of every {@code logEvery}-th step
 * @param test loss and accuracy on the test set, measured once at the end
 * @param state how the run ended
 * @param message why it ended that way (the step of divergence, the early stop, the error)
 * @param divergedAtStep the 1-based step whose loss was not finite, or 0
 * @param seconds wall time of the whole run
 * @param peakRssMb the process's peak resident memory in MiB at the end of the run
 */
public record TrainResult(
    TrainConfig config,
    Provenance provenance,
    List<EpochMetrics> epochs,
    List<StepLoss> steps,
    Evaluation test,
    RunState state,
    String message,
    long divergedAtStep,
    double seconds,
    double peakRssMb) {

  public TrainResult {
    epochs = List.copyOf(epochs);
    steps = List.copyOf(steps);
  }

  /** Returns the last finished epoch's metrics, or null when none finished. */
  public EpochMetrics lastEpoch() {
    return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
  }
}
