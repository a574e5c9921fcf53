package dev.mnistlab.tune;

import dev.mnistlab.analysis.Band;
import dev.mnistlab.analysis.Standing;
import dev.mnistlab.analysis.Stats;
import dev.mnistlab.analysis.Verdict;
import dev.mnistlab.analysis.Welch;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds a search's top configurations trained again with new seeds, and the best of them chosen by
 * the mean objective over those seeds: the search's single runs only nominate, the new runs decide.
 *
 * <p>The chosen one is the configuration with the best mean (ties go to the better search rank). A
 * configuration is {@link Standing#WITHIN_NOISE within noise} of it when Welch's t-test of the two
 * sets of runs gives p >= 0.05, that is, when the 95% interval of their difference contains 0;
 * {@link Standing#WORSE worse} when p < 0.05; {@link Standing#UNDECIDED undecided} when either side
 * has fewer than two runs with a value. The test accuracy is read for the chosen configuration's
 * runs alone, after the choice, and is never used to make it.
 *
 * @param plan how many configurations and seeds were asked for
 * @param direction whether larger or smaller objective values are better
 * @param rows one per confirmed configuration, in search rank order
 * @param chosen the index in {@code rows} of the chosen configuration, or -1 when no confirmation
 *     run has a value yet
 * @param chosenTest the chosen configuration's test accuracy over its new runs (a NaN band when
 *     there is no choice)
 */
public record TuneConfirmation(
    ConfirmPlan plan, Direction direction, List<Row> rows, int chosen, Band chosenTest) {

  /**
   * Holds one confirmed configuration.
   *
   * @param rank its 1-based rank in the search
   * @param trial the search trial it comes from, whose config and value it confirms
   * @param seeds the new seeds it is trained with, in order
   * @param value the objective over its new runs that have one, with a 95% t-interval
   * @param finished how many of its new runs have finished, in any way
   * @param failed how many of those ended without a value (failed or diverged)
   * @param standing where it stands against the chosen one
   * @param p Welch's two-sided p against the chosen one; NaN for the chosen one and when undecided
   */
  public record Row(
      int rank,
      TrialRecord trial,
      List<Long> seeds,
      Band value,
      int finished,
      int failed,
      Standing standing,
      double p) {
    public Row {
      Objects.requireNonNull(trial, "trial");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(standing, "standing");
      seeds = List.copyOf(seeds);
    }
  }

  public TuneConfirmation {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(chosenTest, "chosenTest");
    rows = List.copyOf(rows);
    if (chosen < -1 || chosen >= rows.size()) {
      throw new IllegalArgumentException(
          "chosen must be -1 or a row index below " + rows.size() + ", got " + chosen);
    }
  }

  /**
   * Confirms the search's best: matches each of the first {@code plan.configs()} of {@code ranked}
   * with its runs among {@code runs}, chooses the best by mean and compares the others with it.
   *
   * @param ranked the search's complete trials, best first ({@link TuneReport#ranked})
   * @param runs the confirmation study's trials; a run belongs to a configuration when its config
   *     is that trial's with one of {@link TuneConfirmations#seeds its new seeds}
   */
  public static TuneConfirmation of(
      ConfirmPlan plan, Direction direction, List<TrialRecord> ranked, List<TrialRecord> runs) {
    Map<TrainConfig, TrialRecord> byConfig = new HashMap<>();
    for (TrialRecord r : runs) {
      byConfig.putIfAbsent(r.config(), r);
    }
    List<TrialRecord> candidates = ranked.subList(0, Math.min(plan.configs(), ranked.size()));
    List<List<TrialRecord>> finishedRuns = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    int chosen = -1;
    for (int i = 0; i < candidates.size(); i++) {
      List<TrialRecord> mine = new ArrayList<>();
      for (TrainConfig config : TuneConfirmations.configs(candidates.get(i), plan)) {
        TrialRecord r = byConfig.get(config);
        if (r != null && r.state().isFinished()) {
          mine.add(r);
        }
      }
      finishedRuns.add(mine);
      values.add(
          mine.stream()
              .filter(r -> r.state() == TrialState.COMPLETE)
              .mapToDouble(TrialRecord::value)
              .filter(Double::isFinite)
              .toArray());
      double mean = Stats.mean(values.get(i));
      if (!Double.isNaN(mean)
          && (chosen < 0 || direction.isBetter(mean, Stats.mean(values.get(chosen))))) {
        chosen = i;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      double[] v = values.get(i);
      Standing standing;
      double p = Double.NaN;
      if (i == chosen) {
        standing = Standing.BEST;
      } else if (v.length == 0) {
        standing = Standing.NO_RESULT;
      } else {
        Welch w = Welch.of(oriented(values.get(chosen), direction), oriented(v, direction));
        p = w.p();
        standing = standing(w);
      }
      rows.add(
          new Row(
              i + 1,
              candidates.get(i),
              TuneConfirmations.seeds(candidates.get(i), plan),
              Stats.band(v),
              finishedRuns.get(i).size(),
              finishedRuns.get(i).size() - v.length,
              standing,
              p));
    }
    Band test =
        chosen < 0
            ? Stats.band()
            : Stats.band(
                finishedRuns.get(chosen).stream()
                    .filter(r -> r.state() == TrialState.COMPLETE)
                    .mapToDouble(r -> r.test().accuracy())
                    .toArray());
    return new TuneConfirmation(plan, direction, rows, chosen, test);
  }

  /** Returns the chosen configuration's row, or null when there is none yet. */
  public Row best() {
    return chosen < 0 ? null : rows.get(chosen);
  }

  /** Returns how many new runs the confirmed configurations need in all. */
  public int runsWanted() {
    return rows.size() * plan.seeds();
  }

  /** Returns how many of them have finished. */
  public int runsFinished() {
    return rows.stream().mapToInt(Row::finished).sum();
  }

  /** Returns whether every new run has finished. */
  public boolean complete() {
    return runsFinished() == runsWanted();
  }

  /** Returns the values with their sign turned so that larger is better, as Welch compares them. */
  private static double[] oriented(double[] values, Direction direction) {
    if (direction == Direction.MAXIMIZE) {
      return values;
    }
    double[] negated = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      negated[i] = -values[i];
    }
    return negated;
  }

  /** Returns the standing of a configuration from Welch's test of "it minus the chosen one". */
  private static Standing standing(Welch itMinusChosen) {
    return switch (Verdict.of(itMinusChosen)) {
      case WITHIN_NOISE -> Standing.WITHIN_NOISE;
      case WORSE -> Standing.WORSE;
      case UNKNOWN -> Standing.UNDECIDED;
      // Its mean is at most the chosen one's, so the interval cannot lie above 0.
      case BETTER ->
          throw new IllegalStateException(
              "a configuration cannot beat the chosen one beyond noise, got a difference of "
                  + itMinusChosen.difference());
    };
  }
}
