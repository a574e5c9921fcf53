package dev.mnistlab.analysis;

import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds what the number of epochs does, read from the learning curves of the longest runs rather
 * than by training again per epoch count: stopping a run at epoch k gives the model the curves show
 * at epoch k (as long as the schedule does not depend on the total epoch count, which the caller
 * decides).
 *
 * <p>"Within noise of the best" compares each run with itself: for epoch k, the differences {@code
 * accuracy(k) - accuracy(best epoch)} of each run form a paired sample, whose 95% t-interval
 * (Student 1908) reaching 0 means the epoch cannot be told from the best. Pairing removes the
 * seed-to-seed offset that is the same at every epoch of a run. Only completed runs count.
 *
 * @param trial the trial's name
 * @param runs the completed runs the curves cover
 * @param curves the mean and 95% band of each metric per epoch
 * @param gapToBest per epoch (index 0 is epoch 1), the paired difference of validation accuracy
 *     from the best epoch's, over the runs that reached both
 * @param bestAccuracyEpoch the 1-based epoch of the highest mean validation accuracy; 0 when there
 *     is no validation accuracy
 * @param enoughEpoch the first epoch within seed noise of the best; 0 when noise cannot be measured
 *     (fewer than two runs) or there is no validation accuracy. An epoch whose differences have no
 *     spread at all is skipped (see {@link #noiseMeasured})
 * @param laterGain the paired change of validation accuracy from {@code enoughEpoch} to the last
 *     epoch (NaN band when {@code enoughEpoch} is 0)
 * @param overfitting the lowest point of the mean validation loss and its rise after
 * @param secondsPerEpoch mean wall time of one epoch over every epoch of every run
 */
public record EpochEffect(
    String trial,
    int runs,
    LearningCurves curves,
    List<Band> gapToBest,
    int bestAccuracyEpoch,
    int enoughEpoch,
    Band laterGain,
    Overfitting overfitting,
    double secondsPerEpoch) {

  public EpochEffect {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(curves, "curves");
    gapToBest = List.copyOf(gapToBest);
    if (gapToBest.size() != curves.epochs()) {
      throw new IllegalArgumentException(
          "gapToBest must have one band per epoch ("
              + curves.epochs()
              + "), got "
              + gapToBest.size());
    }
    if (enoughEpoch < 0 || enoughEpoch > curves.epochs()) {
      throw new IllegalArgumentException(
          "enoughEpoch must be between 0 and " + curves.epochs() + ", got " + enoughEpoch);
    }
    Objects.requireNonNull(laterGain, "laterGain");
    Objects.requireNonNull(overfitting, "overfitting");
  }

  /** Returns the effect of the epoch count from the completed runs of {@code longest}. */
  public static EpochEffect of(TrialRuns longest) {
    TrialRuns done = LevelSummary.completed(longest);
    List<TrainResult> runs = done.runs();
    LearningCurves curves = LearningCurves.of(done);
    int best = Runs.argMax(Runs.means(curves.valAccuracy()));
    List<Band> gaps = new ArrayList<>();
    int enough = 0;
    for (int e = 1; e <= curves.epochs(); e++) {
      Band gap = best == 0 ? Stats.band() : paired(runs, e, best);
      gaps.add(gap);
      if (enough == 0 && within(gap)) {
        enough = e;
      }
    }
    Band later = enough == 0 ? Stats.band() : paired(runs, curves.epochs(), enough);
    double perEpoch =
        Stats.mean(
            runs.stream()
                .flatMap(r -> r.epochs().stream())
                .mapToDouble(EpochMetrics::seconds)
                .toArray());
    return new EpochEffect(
        longest.name(),
        runs.size(),
        curves,
        gaps,
        best,
        enough,
        later,
        Overfitting.of(done),
        perEpoch);
  }

  /** Returns the band of {@code accuracy(epoch) - accuracy(base)} over runs with both. */
  private static Band paired(List<TrainResult> runs, int epoch, int base) {
    double[] differences =
        runs.stream()
            .filter(r -> r.epochs().size() >= Math.max(epoch, base))
            .mapToDouble(
                r ->
                    r.epochs().get(epoch - 1).valAccuracy()
                        - r.epochs().get(base - 1).valAccuracy())
            .toArray();
    return Stats.band(differences);
  }

  /** Returns how many epochs the longest run finished. */
  public int epochs() {
    return curves.epochs();
  }

  /** Returns the 1-based epoch of the lowest mean validation loss, or 0 without one. */
  public int bestLossEpoch() {
    return overfitting.minEpoch();
  }

  /**
   * Returns whether seed noise can be measured for an epoch's difference from the best: two or more
   * runs, and some spread between their differences unless all are 0. Identical non-zero
   * differences (likely with two runs, since accuracy moves in steps of one image) give an interval
   * of width 0 that says nothing about the noise.
   */
  public boolean noiseMeasured(int epoch) {
    return measured(gapToBest.get(epoch - 1));
  }

  /** Returns whether the paired interval of an epoch's difference from the best reaches 0. */
  public boolean withinNoiseOfBest(int epoch) {
    return within(gapToBest.get(epoch - 1));
  }

  /** Returns whether a paired band measures noise (see {@link #noiseMeasured}). */
  static boolean measured(Band difference) {
    return difference.n() >= 2 && (difference.high() > difference.low() || difference.mean() == 0);
  }

  private static boolean within(Band difference) {
    // high >= 0: the interval of "this epoch minus the best" reaches 0.
    return measured(difference) && difference.low() <= 0 && difference.high() >= 0;
  }

  /**
   * Returns the findings in plain sentences with their numbers: where validation accuracy stops
   * gaining beyond noise, what later epochs add, where validation loss is lowest and how much it
   * rises after, and what the epochs after that cost.
   */
  public List<String> findings() {
    return EpochFindings.of(this);
  }
}
