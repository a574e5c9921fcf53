package dev.mnistlab.report;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.LearningCurves;
import java.util.List;

/** Builds small report blocks for the renderer tests. */
final class ReportFixtures {
  private ReportFixtures() {}

  /** Returns curves over three epochs; without a validation split when {@code noValidation}. */
  static LearningCurves curves(String trial, double offset, boolean noValidation) {
    List<Band> train =
        List.of(band(0.9 + offset, 0.05), band(0.5 + offset, 0.04), band(0.3 + offset, 0.03));
    if (noValidation) {
      Band missing = new Band(Double.NaN, Double.NaN, Double.NaN, 0);
      List<Band> none = List.of(missing, missing, missing);
      return new LearningCurves(trial, train, none, none);
    }
    List<Band> valLoss =
        List.of(
            band(1.0 + offset, 0.06),
            band(0.6 + offset, 0.05),
            new Band(Double.NaN, Double.NaN, Double.NaN, 0));
    List<Band> valAccuracy =
        List.of(band(0.80 - offset, 0.02), band(0.90 - offset, 0.015), band(0.95 - offset, 0.01));
    return new LearningCurves(trial, train, valLoss, valAccuracy);
  }

  /** Returns a chart overlaying two trials, one of which has no validation split. */
  static Block.CurvesChart chart() {
    return new Block.CurvesChart(
        "curves-overlay",
        "Trials 3 & 7 <overlay>",
        List.of(
            curves("trial-3", 0.0, false),
            curves("trial-7", 0.1, false),
            curves("trial-9", 0.2, true)));
  }

  /** Returns a factor chart over a log grid of five learning rates, the last one diverged. */
  static Block.FactorChart factorChart() {
    Band none = new Band(Double.NaN, Double.NaN, Double.NaN, 0);
    return new Block.FactorChart(
        "lr-chart",
        "lr <sweep> & loss",
        "lr",
        List.of("1e-05", "1e-04", "0.001", "0.01", "0.1"),
        List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1),
        true,
        List.of(
            new Block.FactorChart.Panel(
                "Final validation accuracy",
                "accuracy",
                List.of(
                    new Block.FactorChart.Series(
                        "validation accuracy",
                        List.of(
                            band(0.90, 0.01),
                            band(0.96, 0.005),
                            band(0.98, 0.002),
                            band(0.97, 0.004),
                            none)))),
            new Block.FactorChart.Panel(
                "Final loss",
                "loss",
                List.of(
                    new Block.FactorChart.Series(
                        "training loss",
                        List.of(
                            band(0.35, 0.02),
                            band(0.10, 0.01),
                            band(0.02, 0.005),
                            band(0.05, 0.01),
                            none)),
                    new Block.FactorChart.Series(
                        "validation loss",
                        List.of(
                            band(0.36, 0.02),
                            band(0.14, 0.01),
                            band(0.07, 0.005),
                            band(0.10, 0.01),
                            none))))));
  }

  /** Returns a factor chart over three optimizers, a categorical x axis. */
  static Block.FactorChart categoricalChart() {
    return new Block.FactorChart(
        "optimizer-chart",
        "optimizer",
        "optimizer",
        List.of("adam", "sgd", "rmsprop"),
        List.of(),
        false,
        List.of(
            new Block.FactorChart.Panel(
                "Final validation accuracy",
                "accuracy",
                List.of(
                    new Block.FactorChart.Series(
                        "validation accuracy",
                        List.of(
                            band(0.98, 0.002),
                            band(0.93, 0.01),
                            new Band(0.975, 0.975, 0.975, 1)))))));
  }

  /** Returns a heatmap of lr by batch size whose top-right cell has no result. */
  static Block.Heatmap heatmap() {
    return new Block.Heatmap(
        "grid",
        "Mean validation accuracy <lr x batch>",
        "lr",
        "batch_size",
        List.of("1e-4", "1e-3", "1e-2"),
        List.of("16", "256"),
        List.of(List.of(0.971, 0.931), List.of(0.951, 0.976), List.of(Double.NaN, 0.961)),
        List.of(
            List.of("0.9710", "0.9310"),
            List.of("0.9510", "0.9760"),
            List.of("diverged", "0.9610")));
  }

  private static Band band(double mean, double halfWidth) {
    return new Band(mean, mean - halfWidth, mean + halfWidth, 3);
  }
}
