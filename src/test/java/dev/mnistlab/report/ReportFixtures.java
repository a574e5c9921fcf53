package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import java.util.List;

/** Builds small report blocks for the renderer tests. */
final class ReportFixtures {
  private ReportFixtures() {}

  /** Returns curves over three epochs; without a validation split when {@code noValidation}. */
  static LearningCurves curves(String trial, double offset, boolean noValidation) {
    List<Band> train = List.of(band(0.9 + offset, 0.05), band(0.5 + offset, 0.04),
        band(0.3 + offset, 0.03));
    if (noValidation) {
      Band missing = new Band(Double.NaN, Double.NaN, Double.NaN, 0);
      List<Band> none = List.of(missing, missing, missing);
      return new LearningCurves(trial, train, none, none);
    }
    List<Band> valLoss = List.of(band(1.0 + offset, 0.06), band(0.6 + offset, 0.05),
        new Band(Double.NaN, Double.NaN, Double.NaN, 0));
    List<Band> valAccuracy = List.of(band(0.80 - offset, 0.02), band(0.90 - offset, 0.015),
        band(0.95 - offset, 0.01));
    return new LearningCurves(trial, train, valLoss, valAccuracy);
  }

  /** Returns a chart overlaying two trials, one of which has no validation split. */
  static Block.CurvesChart chart() {
    return new Block.CurvesChart("curves-overlay", "Trials 3 & 7 <overlay>",
        List.of(curves("trial-3", 0.0, false), curves("trial-7", 0.1, false),
            curves("trial-9", 0.2, true)));
  }

  private static Band band(double mean, double halfWidth) {
    return new Band(mean, mean - halfWidth, mean + halfWidth, 3);
  }
}
