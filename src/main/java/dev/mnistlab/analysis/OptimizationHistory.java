package dev.mnistlab.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Holds a search's optimization history: each finished trial's value by number and by time since
 * the search began, with the best value so far, so a chart can show how fast the search found what
 * it found. Complete trials set the running best; pruned trials are points of their own, marked,
 * and never set it (their value is a partial run's).
 *
 * @param maximize whether larger values are better
 * @param points finished trials with a finite value, by number
 */
public record OptimizationHistory(boolean maximize, List<Point> points) {

  /**
   * One trial on the history.
   *
   * @param number the trial's number
   * @param state complete or pruned
   * @param value its objective value
   * @param seconds when it finished, in seconds since the search's first trial started
   * @param best the best complete value up to and including this trial by number, NaN before the
   *     first
   */
  public record Point(
      int number, SearchTrial.State state, double value, double seconds, double best) {}

  public OptimizationHistory {
    points = List.copyOf(points);
  }

  /** Returns the history of {@code trials}, in any order. */
  public static OptimizationHistory of(List<SearchTrial> trials, boolean maximize) {
    Instant origin =
        trials.stream()
            .map(SearchTrial::started)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    List<SearchTrial> shown =
        trials.stream()
            .filter(
                t ->
                    t.state() == SearchTrial.State.COMPLETE
                        || t.state() == SearchTrial.State.PRUNED)
            .filter(t -> Double.isFinite(t.value()))
            .sorted(Comparator.comparingInt(SearchTrial::number))
            .toList();
    List<Point> points = new ArrayList<>(shown.size());
    double best = Double.NaN;
    for (SearchTrial t : shown) {
      if (t.state() == SearchTrial.State.COMPLETE
          && (Double.isNaN(best) || (maximize ? t.value() > best : t.value() < best))) {
        best = t.value();
      }
      double seconds =
          origin == null || t.finished() == null
              ? Double.NaN
              : Duration.between(origin, t.finished()).toMillis() / 1000.0;
      points.add(new Point(t.number(), t.state(), t.value(), seconds, best));
    }
    return new OptimizationHistory(maximize, points);
  }

  /**
   * Returns the best complete value reached by {@code seconds} since the start, or NaN when none
   * had finished by then: the figure a search is judged by at a time mark.
   */
  public double bestBy(double seconds) {
    double best = Double.NaN;
    for (Point p : points) {
      if (p.state() == SearchTrial.State.COMPLETE
          && p.seconds() <= seconds
          && (Double.isNaN(best) || (maximize ? p.value() > best : p.value() < best))) {
        best = p.value();
      }
    }
    return best;
  }
}
