package dev.mnistlab.analysis;

import java.util.Objects;

/**
 * Holds every diagnosis of one trial, each a plain record with the numbers a sentence of the report
 * needs.
 *
 * @param trial the trial's name
 * @param lossFloor the training loss against the floor the model implies
 * @param overfitting where validation loss turned up, and by how much
 * @param stillImproving whether the trial ended before it converged
 * @param instability how much late validation accuracy jumps
 * @param miniBatchNoise the spread of the step loss around its trend
 */
public record Diagnoses(
    String trial,
    LossFloor lossFloor,
    Overfitting overfitting,
    StillImproving stillImproving,
    Instability instability,
    MiniBatchNoise miniBatchNoise) {

  public Diagnoses {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(lossFloor, "lossFloor");
    Objects.requireNonNull(overfitting, "overfitting");
    Objects.requireNonNull(stillImproving, "stillImproving");
    Objects.requireNonNull(instability, "instability");
    Objects.requireNonNull(miniBatchNoise, "miniBatchNoise");
  }

  /** Returns every diagnosis of a trial's runs. */
  public static Diagnoses of(TrialRuns trial) {
    return new Diagnoses(
        trial.name(),
        LossFloor.of(trial),
        Overfitting.of(trial),
        StillImproving.of(trial),
        Instability.of(trial),
        MiniBatchNoise.of(trial));
  }
}
