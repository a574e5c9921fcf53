package dev.mnistlab.tune;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sums up a search: trials by state, the best complete trial and the top ten, what the terminal and
 * JSON outputs of {@code tune} draw from.
 *
 * @param study the search's study
 * @param definition what the search is
 * @param counts how many trials are in each state
 * @param top the complete trials, best first, at most {@link #TOP}
 */
public record TuneReport(
    StudyRecord study,
    TuneDefinition definition,
    Map<TrialState, Integer> counts,
    List<TrialRecord> top) {
  /** How many of the best trials the report lists. */
  public static final int TOP = 10;

  public TuneReport {
    EnumMap<TrialState, Integer> copy = new EnumMap<>(TrialState.class);
    copy.putAll(counts);
    counts = java.util.Collections.unmodifiableMap(copy);
    top = List.copyOf(top);
  }

  /** Sums up {@code trials}, the search's trials as stored. */
  public static TuneReport of(
      StudyRecord study, TuneDefinition definition, List<TrialRecord> trials) {
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (TrialRecord t : trials) {
      counts.merge(t.state(), 1, Integer::sum);
    }
    Comparator<TrialRecord> byValue = Comparator.comparingDouble(TrialRecord::value);
    if (study.spec().direction() == Direction.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    List<TrialRecord> top =
        trials.stream()
            .filter(t -> t.state() == TrialState.COMPLETE && !Double.isNaN(t.value()))
            .sorted(byValue.thenComparingInt(TrialRecord::number))
            .limit(TOP)
            .toList();
    return new TuneReport(study, definition, counts, top);
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
}
