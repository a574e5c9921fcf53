package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds the whole analysis of a study, the one record the terminal table, HTML report and dashboard
 * draw from. Every list follows the trials' order, except the comparisons, of which there is one
 * fewer.
 *
 * @param summaries one summary per trial
 * @param comparisons trial k against trial k+1, for each consecutive pair in list order
 * @param diagnoses every diagnosis, one entry per trial
 * @param selection the validation-based pick against the reference's test-based pick
 * @param curves the learning curves, one per trial
 */
public record StudyAnalysis(
    List<TrialSummary> summaries,
    List<StepComparison> comparisons,
    List<Diagnoses> diagnoses,
    Selection selection,
    List<LearningCurves> curves) {

  public StudyAnalysis {
    summaries = List.copyOf(summaries);
    comparisons = List.copyOf(comparisons);
    diagnoses = List.copyOf(diagnoses);
    Objects.requireNonNull(selection, "selection");
    curves = List.copyOf(curves);
  }

  /** Returns the analysis of the trials, in the order given (the study's order). */
  public static StudyAnalysis of(List<TrialRuns> trials) {
    List<StepComparison> steps = new ArrayList<>();
    for (int k = 0; k + 1 < trials.size(); k++) {
      steps.add(StepComparison.of(trials.get(k), trials.get(k + 1)));
    }
    return new StudyAnalysis(
        trials.stream().map(TrialSummary::of).toList(),
        steps,
        trials.stream().map(Diagnoses::of).toList(),
        Selection.of(trials),
        trials.stream().map(LearningCurves::of).toList());
  }
}
