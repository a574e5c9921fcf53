package dev.mnistlab.tune;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.worker.Objective;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sums up a search: trials by state, the best complete trial and the top ten, and, when the search
 * was confirmed, the confirmation: what the terminal and JSON outputs of {@code tune} draw from.
 *
 * @param study the search's study
 * @param definition what the search is
 * @param counts how many trials are in each state
 * @param top the complete trials, best first, at most {@link #TOP}
 * @param confirmation the top configurations trained again with new seeds, or null when the search
 *     was never confirmed
 */
public record TuneReport(
    StudyRecord study,
    TuneDefinition definition,
    Map<TrialState, Integer> counts,
    List<TrialRecord> top,
    TuneConfirmation confirmation) {
  /** How many of the best trials the report lists. */
  public static final int TOP = 10;

  public TuneReport {
    EnumMap<TrialState, Integer> copy = new EnumMap<>(TrialState.class);
    copy.putAll(counts);
    counts = java.util.Collections.unmodifiableMap(copy);
    top = List.copyOf(top);
  }

  /** Sums up {@code trials}, the search's trials as stored, without a confirmation. */
  public static TuneReport of(
      StudyRecord study, TuneDefinition definition, List<TrialRecord> trials) {
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialRecord t : trials) {
      counts.merge(t.state(), 1, Integer::sum);
    }
    List<TrialRecord> top = ranked(study.spec().direction(), trials).stream().limit(TOP).toList();
    return new TuneReport(study, definition, counts, top, null);
  }

  /** Returns this report with {@code c} as its confirmation. */
  public TuneReport withConfirmation(TuneConfirmation c) {
    return new TuneReport(study, definition, counts, top, c);
  }

  /**
   * Returns the complete trials that have a value, best first; ties go to the earlier trial, so the
   * order is the same on every reading.
   */
  public static List<TrialRecord> ranked(Direction direction, List<TrialRecord> trials) {
    Comparator<TrialRecord> byValue = Comparator.comparingDouble(TrialRecord::value);
    if (direction == Direction.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    return trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE && !Double.isNaN(t.value()))
        .sorted(byValue.thenComparingInt(TrialRecord::number))
        .toList();
  }

  /** Returns how many trials are in {@code state}. */
  public int count(TrialState state) {
    return counts.getOrDefault(state, 0);
  }

  /** Returns how many trials have finished, in any way. */
  public int finished() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().isFinished())
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** Returns the best complete trial, or null when none completed. */
  public TrialRecord best() {
    return top.isEmpty() ? null : top.get(0);
  }

  /**
   * Returns the binomial standard error of the best trial's validation accuracy, {@code sqrt(p (1 -
   * p) / n)} for accuracy {@code p} on {@code n} validation images: how far one run's accuracy
   * moves by chance. NaN when the search optimises another objective or has no validation images.
   */
  public double standardError() {
    TrialRecord best = best();
    if (best == null
        || !Objective.VAL_ACCURACY.cliName().equals(study.spec().objective())
        || best.config().valSize() <= 0) {
      return Double.NaN;
    }
    double p = best.value();
    return Math.sqrt(p * (1 - p) / best.config().valSize());
  }

  /**
   * Returns whether {@code t}, a trial other than the best, is within one {@link #standardError()}
   * of the best's value: as single runs the two cannot be told apart.
   */
  public boolean withinNoise(TrialRecord t) {
    TrialRecord best = best();
    double se = standardError();
    return best != null
        && !Double.isNaN(se)
        && t.number() != best.number()
        && Math.abs(best.value() - t.value()) <= se;
  }
}
