package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Contrasts two ways of picking the best trial: by mean final validation accuracy (the honest
 * choice, which leaves the test set for one final measurement) and by the reference's reported
 * accuracy (the seed study's choice, made on the test set, so its winning number is optimistic).
 * Shows both picks' test-accuracy bands.
 *
 * @param byValidation the trial with the highest mean final validation accuracy, or null when no
 *     trial has one
 * @param byValidationVal that trial's final validation accuracy band
 * @param byValidationTest that trial's test accuracy band
 * @param byReference the trial with the highest reported accuracy, or null when none reported
 * @param referenceReported that trial's reported accuracy, or null
 * @param byReferenceTest that trial's test accuracy band (NaN band when there is no pick)
 * @param differ whether both picks exist and are different trials
 */
public record Selection(
    String byValidation,
    Band byValidationVal,
    Band byValidationTest,
    String byReference,
    Double referenceReported,
    Band byReferenceTest,
    boolean differ) {

  private static final Band NONE = Stats.band();

  public Selection {
    Objects.requireNonNull(byValidationVal, "byValidationVal");
    Objects.requireNonNull(byValidationTest, "byValidationTest");
    Objects.requireNonNull(byReferenceTest, "byReferenceTest");
  }

  /** Returns both picks among the trials; ties go to the earlier trial in the list. */
  public static Selection of(List<TrialRuns> trials) {
    TrialRuns byVal =
        trials.stream()
            .filter(t -> !Double.isNaN(finalValAccuracy(t).mean()))
            .max(
                Comparator.comparingDouble((TrialRuns t) -> finalValAccuracy(t).mean())
                    .thenComparing(Comparator.comparingInt(trials::indexOf).reversed()))
            .orElse(null);
    TrialRuns byRef =
        trials.stream()
            .filter(t -> t.reportedAccuracy() != null && !t.reportedAccuracy().isNaN())
            .max(
                Comparator.comparingDouble((TrialRuns t) -> t.reportedAccuracy())
                    .thenComparing(Comparator.comparingInt(trials::indexOf).reversed()))
            .orElse(null);
    return new Selection(
        byVal == null ? null : byVal.name(),
        byVal == null ? NONE : finalValAccuracy(byVal),
        byVal == null ? NONE : testAccuracy(byVal),
        byRef == null ? null : byRef.name(),
        byRef == null ? null : byRef.reportedAccuracy(),
        byRef == null ? NONE : testAccuracy(byRef),
        byVal != null && byRef != null && byVal != byRef);
  }

  private static Band finalValAccuracy(TrialRuns trial) {
    return Stats.band(Runs.last(trial.runs(), EpochMetrics::valAccuracy));
  }

  private static Band testAccuracy(TrialRuns trial) {
    return Stats.band(
        Runs.each(trial.runs(), r -> r.test() == null ? Double.NaN : r.test().accuracy()));
  }
}
