package dev.mnistlab.storage;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.Provenance;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Holds a stored trial: a frozen snapshot, never a live handle.
 *
 * @param id the storage's key for it, unique across studies
 * @param studyId the study it belongs to
 * @param number 0-based, in the order trials were queued within the study
 * @param label the name a report groups it under
 * @param params the values that vary between the study's trials
 * @param config every setting of the run
 * @param state where it is in its life
 * @param reason why it failed, diverged or was pruned or queued again, or null
 * @param workerId the worker that holds or last held it, or null
 * @param attempts how many times a worker claimed it
 * @param queuedAt when it was queued
 * @param startedAt when the last claim happened, or null
 * @param heartbeatAt the holder's last sign of life, or null
 * @param finishedAt when it finished, or null
 * @param value its objective value, or NaN
 * @param test loss and accuracy on the test set, or {@link Evaluation#NONE}
 * @param seconds wall time of the training run, or NaN
 * @param divergedAtStep the step whose loss was not finite, or 0
 * @param peakRssMb the training process's peak memory in MiB, or NaN
 * @param provenance where and with what it ran, or null before it finished
 * @param epochs per-epoch metrics; empty unless the caller asked for curves
 * @param steps sampled per-step losses; empty unless the caller asked for curves
 * @param modelDir the directory its trained model was kept in, or null when none was
 */
public record TrialRecord(
    long id,
    long studyId,
    int number,
    String label,
    Map<String, Object> params,
    TrainConfig config,
    TrialState state,
    String reason,
    String workerId,
    int attempts,
    Instant queuedAt,
    Instant startedAt,
    Instant heartbeatAt,
    Instant finishedAt,
    double value,
    Evaluation test,
    double seconds,
    long divergedAtStep,
    double peakRssMb,
    Provenance provenance,
    List<EpochMetrics> epochs,
    List<StepLoss> steps,
    String modelDir) {

  public TrialRecord {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    epochs = List.copyOf(epochs);
    steps = List.copyOf(steps);
  }

  /** Creates the record of a trial that kept no model. */
  public TrialRecord(
      long id,
      long studyId,
      int number,
      String label,
      Map<String, Object> params,
      TrainConfig config,
      TrialState state,
      String reason,
      String workerId,
      int attempts,
      Instant queuedAt,
      Instant startedAt,
      Instant heartbeatAt,
      Instant finishedAt,
      double value,
      Evaluation test,
      double seconds,
      long divergedAtStep,
      double peakRssMb,
      Provenance provenance,
      List<EpochMetrics> epochs,
      List<StepLoss> steps) {
    this(
        id,
        studyId,
        number,
        label,
        params,
        config,
        state,
        reason,
        workerId,
        attempts,
        queuedAt,
        startedAt,
        heartbeatAt,
        finishedAt,
        value,
        test,
        seconds,
        divergedAtStep,
        peakRssMb,
        provenance,
        epochs,
        steps,
        null);
  }

  /**
   * Returns the trial as the training run's result, for the analysis layer; null unless it finished
   * as complete, diverged or pruned.
   */
  public TrainResult toResult() {
    RunState run =
        switch (state) {
          case COMPLETE, PRUNED -> RunState.COMPLETE;
          case DIVERGED -> RunState.DIVERGED;
          default -> null;
        };
    if (run == null) {
      return null;
    }
    return new TrainResult(
        config, provenance, epochs, steps, test, run, reason, divergedAtStep, seconds, peakRssMb);
  }
}
