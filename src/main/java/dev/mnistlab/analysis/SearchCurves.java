package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Holds the per-epoch learning curves of a chosen set of a search's trials (the top K, or any
 * numbers a reader picks), running trials as far as they got.
 *
 * @param curves one per chosen trial that has at least one epoch, by number
 */
public record SearchCurves(List<Curve> curves) {

  /**
   * One trial's curves; index 0 is epoch 1.
   *
   * @param number the trial's number
   * @param state where the trial is (a running trial's curve is still growing)
   * @param trainLoss mean training loss by epoch
   * @param valLoss validation loss by epoch
   * @param valAccuracy validation accuracy by epoch
   */
  public record Curve(
      int number,
      SearchTrial.State state,
      List<Double> trainLoss,
      List<Double> valLoss,
      List<Double> valAccuracy) {
    public Curve {
      trainLoss = List.copyOf(trainLoss);
      valLoss = List.copyOf(valLoss);
      valAccuracy = List.copyOf(valAccuracy);
    }
  }

  public SearchCurves {
    curves = List.copyOf(curves);
  }

  /** Returns the curves of the trials numbered {@code numbers}. */
  public static SearchCurves of(List<SearchTrial> trials, Collection<Integer> numbers) {
    Set<Integer> wanted = Set.copyOf(numbers);
    return new SearchCurves(
        trials.stream()
            .filter(t -> wanted.contains(t.number()) && !t.epochs().isEmpty())
            .sorted(Comparator.comparingInt(SearchTrial::number))
            .map(SearchCurves::curve)
            .toList());
  }

  /** Returns the curves of the {@code k} best complete trials, best first. */
  public static SearchCurves top(List<SearchTrial> trials, int k, boolean maximize) {
    Comparator<SearchTrial> byValue = Comparator.comparingDouble(SearchTrial::value);
    return new SearchCurves(
        trials.stream()
            .filter(t -> t.scored() && !t.epochs().isEmpty())
            .sorted((maximize ? byValue.reversed() : byValue).thenComparingInt(SearchTrial::number))
            .limit(k)
            .map(SearchCurves::curve)
            .toList());
  }

  private static Curve curve(SearchTrial t) {
    return new Curve(
        t.number(),
        t.state(),
        series(t.epochs(), EpochMetrics::trainLoss),
        series(t.epochs(), EpochMetrics::valLoss),
        series(t.epochs(), EpochMetrics::valAccuracy));
  }

  private static List<Double> series(List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> f) {
    List<Double> out = new ArrayList<>(epochs.size());
    for (EpochMetrics e : epochs) {
      out.add(f.applyAsDouble(e));
    }
    return out;
  }
}
