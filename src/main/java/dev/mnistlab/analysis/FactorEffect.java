package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Holds what sweeping one factor did, value by value: each value's summary ({@link LevelSummary}),
 * the best value and the values within seed noise of it. The sweep's table, chart, overlaid curves
 * and findings all draw from this record.
 *
 * <p>The best value is the one with the highest mean final validation accuracy over its completed
 * runs (diverged and failed runs are counted apart, see {@link LevelSummary}); ties go to the
 * earlier value. Each other value is compared with it by Welch's t-test (Welch 1947) of the final
 * validation accuracies: within noise when the 95% interval of the difference contains 0 (p >=
 * 0.05), worse when it lies below 0, undecided when either side has fewer than two runs, since one
 * run has no interval.
 *
 * @param factor the factor's name as findings write it, e.g. {@code lr} or {@code batch_size}
 * @param logScale whether the values lie on a logarithmic grid (the chart uses a log axis)
 * @param levels one summary per value, in the order given
 * @param best the best value's label, or null when every run of every value diverged or failed
 * @param withinNoise the labels of the other values within seed noise of the best, in order
 */
public record FactorEffect(
    String factor,
    boolean logScale,
    List<LevelSummary> levels,
    String best,
    List<String> withinNoise) {

  public FactorEffect {
    if (factor == null || factor.isBlank()) {
      throw new IllegalArgumentException("factor name must not be blank, got '" + factor + "'");
    }
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException(
          "factor " + factor + " must have at least one value, " + "got none");
    }
    Set<String> labels = new HashSet<>();
    for (LevelSummary level : levels) {
      if (!labels.add(level.label())) {
        throw new IllegalArgumentException(
            "factor values must have distinct labels, got '"
                + level.label()
                + "' twice for "
                + factor);
      }
      if (logScale && !(level.value() > 0)) {
        throw new IllegalArgumentException(
            "a log scale needs every value > 0, got "
                + level.value()
                + " for "
                + factor
                + " "
                + level.label());
      }
    }
    if (best != null && !labels.contains(best)) {
      throw new IllegalArgumentException(
          "best value must be one of the labels, got '" + best + "' for " + factor);
    }
    withinNoise = List.copyOf(withinNoise);
  }

  /**
   * Returns the effect of a factor from its values' runs.
   *
   * @param factor the factor's name, e.g. {@code lr}
   * @param levels the values in the order the report should show them (usually ascending)
   * @param logScale whether the values lie on a log grid; needs every value above 0
   * @throws IllegalArgumentException when there are no values, two share a label, or a log scale
   *     meets a value that is not above 0
   */
  public static FactorEffect of(String factor, List<FactorLevel> levels, boolean logScale) {
    int best = -1;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < levels.size(); i++) {
      double mean = Stats.mean(LevelSummary.finalAccuracies(levels.get(i).trial()));
      if (mean > bestMean) {
        best = i;
        bestMean = mean;
      }
    }
    double[] bestAccuracies =
        best < 0 ? null : LevelSummary.finalAccuracies(levels.get(best).trial());
    List<LevelSummary> summaries = new ArrayList<>();
    List<String> within = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      LevelSummary s = LevelSummary.of(levels.get(i), i == best ? null : bestAccuracies);
      summaries.add(s);
      if (s.standing() == Standing.WITHIN_NOISE) {
        within.add(s.label());
      }
    }
    return new FactorEffect(
        factor, logScale, summaries, best < 0 ? null : levels.get(best).label(), within);
  }

  /** Returns whether every value is a number (else the chart's x axis is categorical). */
  public boolean numeric() {
    return levels.stream().allMatch(l -> !Double.isNaN(l.value()));
  }

  /** Returns the best value's summary, or null when no value has a result. */
  public LevelSummary bestLevel() {
    return levels.stream().filter(l -> l.standing() == Standing.BEST).findFirst().orElse(null);
  }

  /** Returns the labels of the values with the given standing, in order. */
  public List<String> labels(Standing standing) {
    Objects.requireNonNull(standing, "standing");
    return levels.stream().filter(l -> l.standing() == standing).map(LevelSummary::label).toList();
  }

  /**
   * Returns whether seed noise can be measured anywhere: the best value has two or more results.
   * False in a quick sweep with one run per value.
   */
  public boolean noiseMeasured() {
    LevelSummary b = bestLevel();
    return b != null && b.finalValAccuracy().n() >= 2;
  }

  /** Returns the name a finding gives one value, e.g. {@code lr 0.001}. */
  public String name(LevelSummary level) {
    return factor + " " + level.label();
  }

  /**
   * Returns the findings in plain sentences with their numbers: the best value and the ones within
   * noise of it (or that noise cannot be measured), divergence, underfitting and overfitting per
   * value, and each value's cost in seconds.
   */
  public List<String> findings() {
    return FactorFindings.of(this);
  }
}
