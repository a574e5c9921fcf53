package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import java.util.List;
import java.util.Objects;

/**
 * Compares one trial with the next, as the seed study stepped from trial k to k+1: what changed in
 * the config, Welch's test (Welch 1947) of the final validation accuracy and of the test accuracy
 * (each difference is {@code after - before}), and a verdict decided on validation accuracy alone,
 * so that the test set is not used to choose.
 *
 * @param before the earlier trial's name
 * @param after the later trial's name
 * @param changes one {@code "field: old -> new"} per config field that differs, seed excluded
 * @param valAccuracy Welch's test of the runs' final validation accuracy, after - before
 * @param testAccuracy Welch's test of the runs' test accuracy, after - before
 * @param verdict BETTER or WORSE when the validation interval excludes 0, WITHIN_NOISE when it
 *     contains 0, UNKNOWN when a side has fewer than two runs
 */
public record StepComparison(
    String before,
    String after,
    List<String> changes,
    Welch valAccuracy,
    Welch testAccuracy,
    Verdict verdict) {

  public StepComparison {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    changes = List.copyOf(changes);
    Objects.requireNonNull(valAccuracy, "valAccuracy");
    Objects.requireNonNull(testAccuracy, "testAccuracy");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** Returns the comparison of the step from {@code before} to {@code after}. */
  public static StepComparison of(TrialRuns before, TrialRuns after) {
    Welch val =
        Welch.of(
            Runs.last(before.runs(), EpochMetrics::valAccuracy),
            Runs.last(after.runs(), EpochMetrics::valAccuracy));
    Welch test =
        Welch.of(
            Runs.each(before.runs(), r -> r.test() == null ? Double.NaN : r.test().accuracy()),
            Runs.each(after.runs(), r -> r.test() == null ? Double.NaN : r.test().accuracy()));
    return new StepComparison(
        before.name(),
        after.name(),
        ConfigChanges.between(before.config(), after.config()),
        val,
        test,
        Verdict.of(val));
  }
}
