package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in plain sentences, with their numbers, what a {@link FactorEffect} found. */
final class FactorFindings {
  private FactorFindings() {}

  /** Returns the findings of {@code effect}, in the order a reader asks for them. */
  static List<String> of(FactorEffect effect) {
    List<String> findings = new ArrayList<>();
    LevelSummary best = effect.bestLevel();
    if (best == null) {
      findings.add(
          "No value of " + effect.factor() + " has a result: every run diverged or " + "failed.");
    } else {
      findings.add(
          "Best "
              + effect.factor()
              + ": "
              + best.label()
              + ", final validation "
              + "accuracy "
              + Wording.band(best.finalValAccuracy())
              + ".");
      noise(effect, findings);
    }
    for (LevelSummary level : effect.levels()) {
      if (level.diverged() > 0) {
        findings.add(divergence(effect, level));
      }
      if (level.failed() > 0) {
        findings.add(
            String.format(
                Locale.ROOT,
                "%s: %d of %d runs failed (an error, not an effect of the "
                    + "value) and %s left out.",
                effect.name(level),
                level.failed(),
                level.runs(),
                level.failed() == 1 ? "is" : "are"));
      }
    }
    fits(effect, findings);
    cost(effect, findings);
    return List.copyOf(findings);
  }

  /** Adds which values are within noise of the best, worse, or cannot be told apart. */
  static void noise(FactorEffect effect, List<String> findings) {
    List<LevelSummary> others =
        effect.levels().stream()
            .filter(l -> l.standing() != Standing.BEST && l.hasResult())
            .toList();
    if (others.isEmpty()) {
      return;
    }
    boolean singleRuns = effect.levels().stream().allMatch(l -> l.finalValAccuracy().n() <= 1);
    if (singleRuns) {
      findings.add(
          "One run per value: noise cannot be measured, so no value can be called "
              + "better or worse than another; the ranking is of single runs.");
      return;
    }
    List<String> within = new ArrayList<>();
    List<String> worse = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    for (LevelSummary level : others) {
      Welch w = level.versusBest();
      switch (level.standing()) {
        case WITHIN_NOISE ->
            within.add(
                effect.name(level)
                    + " ("
                    + Wording.difference(w)
                    + ", p = "
                    + Wording.p(w.p())
                    + ")");
        case WORSE -> worse.add(effect.name(level) + " (" + Wording.difference(w) + ")");
        default -> undecided.add(effect.name(level));
      }
    }
    if (!within.isEmpty()) {
      findings.add("Within seed noise of it (Welch p >= 0.05): " + String.join(", ", within) + ".");
    } else if (!worse.isEmpty()) {
      // Only a measured comparison can say that no value is within noise.
      findings.add("No other value is within seed noise of it.");
    }
    if (!worse.isEmpty()) {
      findings.add(
          "Worse than it beyond seed noise (difference and 95% interval): "
              + String.join(", ", worse)
              + ".");
    }
    if (!undecided.isEmpty()) {
      findings.add(
          "Noise cannot be measured for "
              + String.join(", ", undecided)
              + " (fewer than two runs on a side, or no spread): neither within noise nor worse.");
    }
  }

  /** Returns e.g. "lr 0.1: diverged in 3 of 3 seeds at step ~40." */
  static String divergence(FactorEffect effect, LevelSummary level) {
    StringBuilder text =
        new StringBuilder(effect.name(level))
            .append(": diverged in ")
            .append(level.diverged())
            .append(" of ")
            .append(level.runs())
            .append(" seeds");
    List<Long> steps = level.divergedAtSteps();
    if (!steps.isEmpty()) {
      // "~" marks a median over seeds that diverged at different steps.
      boolean same = steps.get(0).equals(steps.get(steps.size() - 1));
      text.append(" at step ").append(same ? "" : "~").append(level.medianDivergenceStep());
    }
    int completed = level.runs() - level.diverged() - level.failed();
    if (completed > 0) {
      text.append("; its means cover the ")
          .append(completed)
          .append(completed == 1 ? " run that completed" : " runs that completed");
    }
    return text.append('.').toString();
  }

  /** Adds underfitting (still improving) and overfitting (validation loss rising) per value. */
  private static void fits(FactorEffect effect, List<String> findings) {
    List<String> under = new ArrayList<>();
    List<String> over = new ArrayList<>();
    for (LevelSummary level : effect.levels()) {
      StillImproving s = level.stillImproving();
      if (s.stillImproving()) {
        under.add(
            effect.name(level)
                + ": still improving at the last epoch (validation "
                + "accuracy "
                + Wording.signed(s.accuracyGain())
                + ", validation loss "
                + Wording.signed(s.valLossChange())
                + " over the last "
                + s.window()
                + " epochs): "
                + "more epochs would help (underfitting).");
      }
      Overfitting o = level.overfitting();
      if (o.overfits()) {
        String noise =
            level.finalValLoss().n() >= 2
                ? "beyond seed noise (" + Wording.number(o.noise()) + ")"
                : "more than "
                    + Math.round(100 * Overfitting.SINGLE_RUN_TOLERANCE)
                    + "% of its "
                    + "minimum (one run: seed noise unknown)";
        over.add(
            effect.name(level)
                + ": validation loss is lowest at epoch "
                + o.minEpoch()
                + " ("
                + Wording.number(o.minValLoss())
                + ") and rises by "
                + Wording.number(o.rise())
                + " by epoch "
                + level.curves().epochs()
                + ", "
                + noise
                + ": overfitting.");
      }
    }
    boolean anyCurves = effect.levels().stream().anyMatch(l -> l.curves().epochs() > 1);
    if (!anyCurves) {
      return;
    }
    findings.addAll(
        under.isEmpty() ? List.of("No value is still improving at the last epoch.") : under);
    findings.addAll(
        over.isEmpty()
            ? List.of("No value's validation loss rises beyond noise after its minimum.")
            : over);
  }

  /** Adds each value's mean seconds per run and the slowest against the fastest. */
  private static void cost(FactorEffect effect, List<String> findings) {
    List<String> each = new ArrayList<>();
    LevelSummary slowest = null;
    LevelSummary fastest = null;
    for (LevelSummary level : effect.levels()) {
      double s = level.seconds().mean();
      if (Double.isNaN(s)) {
        continue;
      }
      each.add(level.label() + " " + Wording.seconds(s));
      if (slowest == null || s > slowest.seconds().mean()) {
        slowest = level;
      }
      if (fastest == null || s < fastest.seconds().mean()) {
        fastest = level;
      }
    }
    if (each.isEmpty()) {
      return;
    }
    String text = "Seconds per run (mean over completed runs): " + String.join(", ", each);
    if (slowest != fastest && fastest.seconds().mean() > 0) {
      text +=
          "; the slowest, "
              + effect.name(slowest)
              + ", costs "
              + Wording.times(slowest.seconds().mean() / fastest.seconds().mean())
              + " the fastest, "
              + effect.name(fastest);
    }
    findings.add(text + ".");
  }
}
