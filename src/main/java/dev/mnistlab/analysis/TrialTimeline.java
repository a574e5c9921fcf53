package dev.mnistlab.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Holds when each trial of a search ran and on which worker, for a timeline: idle workers, long
 * trials and pruning show at a glance.
 *
 * @param workers the workers in order of their first trial
 * @param bars one per trial that has started, by start time
 */
public record TrialTimeline(List<String> workers, List<Bar> bars) {

  /**
   * One trial's run.
   *
   * @param number the trial's number
   * @param worker the worker that ran it (or runs it), or {@code ?} when unknown
   * @param start seconds since the first trial started
   * @param end seconds since then when it finished, or until now for a running trial
   * @param state where the trial is
   */
  public record Bar(int number, String worker, double start, double end, SearchTrial.State state) {
    public Bar {
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(state, "state");
    }
  }

  public TrialTimeline {
    workers = List.copyOf(workers);
    bars = List.copyOf(bars);
  }

  /** Returns the timeline of {@code trials}; a running trial's bar ends at {@code now}. */
  public static TrialTimeline of(List<SearchTrial> trials, Instant now) {
    List<SearchTrial> started =
        trials.stream()
            .filter(t -> t.started() != null)
            .sorted(
                Comparator.comparing(SearchTrial::started).thenComparingInt(SearchTrial::number))
            .toList();
    if (started.isEmpty()) {
      return new TrialTimeline(List.of(), List.of());
    }
    Instant origin = started.get(0).started();
    List<String> workers = new ArrayList<>();
    List<Bar> bars = new ArrayList<>(started.size());
    for (SearchTrial t : started) {
      String worker = t.worker() == null ? "?" : t.worker();
      if (!workers.contains(worker)) {
        workers.add(worker);
      }
      Instant end = t.finished() != null ? t.finished() : now;
      bars.add(
          new Bar(
              t.number(),
              worker,
              seconds(origin, t.started()),
              Math.max(seconds(origin, t.started()), seconds(origin, end)),
              t.state()));
    }
    return new TrialTimeline(workers, bars);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
