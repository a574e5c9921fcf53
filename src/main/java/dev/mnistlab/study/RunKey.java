package dev.mnistlab.study;

import dev.mnistlab.train.TrainConfig;

/**
 * Names one run of a study: a trial and its repeat, whose seed is the trial's seed plus the repeat
 * index.
 *
 * @param trial the trial
 * @param repeat 0-based repeat index
 * @param config the trial's config with this repeat's seed
 */
public record RunKey(TrialDefinition trial, int repeat, TrainConfig config) {
  /** Returns the key of repeat {@code repeat} of {@code trial}. */
  public static RunKey of(TrialDefinition trial, int repeat) {
    return new RunKey(trial, repeat, trial.config().withSeed(trial.config().seed() + repeat));
  }
}
