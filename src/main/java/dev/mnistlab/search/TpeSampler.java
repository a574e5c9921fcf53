package dev.mnistlab.search;

import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Samples with the Tree-structured Parzen Estimator (Bergstra et al. 2011, "Algorithms for
 * Hyper-Parameter Optimization"): it splits the finished trials into the best few, modelled by a
 * density l(x), and the rest, g(x), draws candidates from l and keeps the one with the highest l(x)
 * / g(x). The settings follow Optuna's defaults: the best min(ceil(0.1 n), 25) of n trials are
 * "good", 24 candidates, prior weight 1, clipped kernel widths.
 *
 * <p>Trials are ranked for the split as follows: complete trials by their value in the study's
 * direction; then pruned ones, which count as worse than every complete one, the longer trained
 * first and, among equals, by value; then diverged and failed ones (and any with no value), which
 * count as worst. Ties go to the earlier trial.
 *
 * <p>Until {@code startup} trials have finished, and for trial numbers below {@code startup}, it
 * samples exactly as {@link RandomSampler} with the same seed would. By default every parameter is
 * modelled on its own. With {@code multivariate}, the parameters without a condition are modelled
 * jointly by product kernels (Falkner et al. 2018, "BOHB"); a parameter with a condition is always
 * modelled on its own, from the trials in which it was present.
 *
 * <p>A pure function of (seed, number, history): the history's order does not matter. Immutable and
 * thread-safe.
 */
public final class TpeSampler implements Sampler {
  /** Random trials before TPE models the history, by default. */
  public static final int DEFAULT_STARTUP = 10;

  /** Candidates drawn from l(x) per parameter (or per point, multivariate), by default. */
  public static final int DEFAULT_CANDIDATES = 24;

  private static final int MAX_GOOD = 25;
  private static final double PRIOR_WEIGHT = 1.0;

  private final long seed;
  private final Direction direction;
  private final int startup;
  private final int candidates;
  private final boolean multivariate;
  private final RandomSampler start;

  /** Creates a per-parameter TPE sampler with the default settings. */
  public TpeSampler(long seed, Direction direction) {
    this(seed, direction, DEFAULT_STARTUP, DEFAULT_CANDIDATES, false);
  }

  /**
   * Creates a TPE sampler.
   *
   * @param startup the random trials before the model is used, >= 0
   * @param candidates the candidates drawn per choice, >= 1
   * @param multivariate whether the unconditional parameters are modelled jointly
   */
  public TpeSampler(
      long seed, Direction direction, int startup, int candidates, boolean multivariate) {
    if (startup < 0) {
      throw new IllegalArgumentException("startup must be >= 0, got " + startup);
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    this.seed = seed;
    this.direction = Objects.requireNonNull(direction, "direction");
    this.startup = startup;
    this.candidates = candidates;
    this.multivariate = multivariate;
    this.start = new RandomSampler(seed);
  }

  @Override
  public Map<String, Object> sample(SearchSpace space, int number, List<Observation> history) {
    List<Observation> ranked = rank(history, direction);
    if (number < startup || ranked.size() < startup) {
      return start.sample(space, number, history);
    }
    int good = goodCount(ranked.size());
    Comparator<Observation> byNumber = Comparator.comparingInt(Observation::number);
    List<Observation> below = new ArrayList<>(ranked.subList(0, good));
    List<Observation> above = new ArrayList<>(ranked.subList(good, ranked.size()));
    below.sort(byNumber);
    above.sort(byNumber);

    SplittableRandom rng = Seeds.random(seed, number, Seeds.TPE);
    Map<String, Object> chosen = new HashMap<>();
    if (multivariate) {
      List<Axis> joint = new ArrayList<>();
      for (Param p : space.params()) {
        if (p.condition() == null && !Ranges.single(p.distribution())) {
          joint.add(Axis.of(p));
        }
      }
      if (!joint.isEmpty()) {
        chosen.putAll(choose(joint, below, above, true, rng));
      }
    }
    Map<String, Object> point = new LinkedHashMap<>();
    for (Param p : space.params()) {
      if (!SearchSpace.applies(p, point)) {
        continue;
      }
      if (chosen.containsKey(p.name())) {
        point.put(p.name(), chosen.get(p.name()));
      } else if (Ranges.single(p.distribution())) {
        point.put(p.name(), Ranges.only(p.distribution()));
      } else {
        point.putAll(choose(List.of(Axis.of(p)), below, above, false, rng));
      }
    }
    return point;
  }

  /** Returns how many of {@code n} ranked trials are "good": min(ceil(0.1 n), 25). */
  static int goodCount(int n) {
    return Math.min((n + 9) / 10, MAX_GOOD);
  }

  /** Returns the finished trials of {@code history}, best first (see the class comment). */
  static List<Observation> rank(List<Observation> history, Direction direction) {
    int sign = direction == Direction.MINIMIZE ? 1 : -1;
    Comparator<Observation> byValue =
        (a, b) -> {
          boolean na = Double.isNaN(a.value());
          boolean nb = Double.isNaN(b.value());
          return na || nb ? Boolean.compare(na, nb) : sign * Double.compare(a.value(), b.value());
        };
    Comparator<Observation> order =
        Comparator.comparingInt(TpeSampler::tier)
            .thenComparing((a, b) -> tier(a) == 1 ? Integer.compare(b.epochs(), a.epochs()) : 0)
            .thenComparing((a, b) -> tier(a) == 2 ? 0 : byValue.compare(a, b))
            .thenComparingInt(Observation::number);
    return history.stream().filter(o -> o.state().isFinished()).sorted(order).toList();
  }

  private static int tier(Observation o) {
    if (o.state() == TrialState.COMPLETE && !Double.isNaN(o.value())) {
      return 0;
    }
    return o.state() == TrialState.PRUNED ? 1 : 2;
  }

  /** Draws candidates from l on {@code axes} and returns the one that maximises l / g. */
  private Map<String, Object> choose(
      List<Axis> axes,
      List<Observation> below,
      List<Observation> above,
      boolean joint,
      SplittableRandom rng) {
    ParzenEstimator l = new ParzenEstimator(axes, points(axes, below), PRIOR_WEIGHT, joint);
    ParzenEstimator g = new ParzenEstimator(axes, points(axes, above), PRIOR_WEIGHT, joint);
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates; c++) {
      double[] candidate = l.sample(rng);
      double score = l.logDensity(candidate) - g.logDensity(candidate);
      if (best == null || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int a = 0; a < axes.size(); a++) {
      values.put(axes.get(a).param().name(), axes.get(a).value(best[a]));
    }
    return values;
  }

  /** Returns the observations' points on {@code axes}, skipping any missing a valid value. */
  private static List<double[]> points(List<Axis> axes, List<Observation> observations) {
    List<double[]> points = new ArrayList<>();
    for (Observation o : observations) {
      double[] point = new double[axes.size()];
      boolean complete = true;
      for (int a = 0; a < axes.size() && complete; a++) {
        Object value = o.params().get(axes.get(a).param().name());
        point[a] = value == null ? Double.NaN : axes.get(a).point(value);
        complete = !Double.isNaN(point[a]);
      }
      if (complete) {
        points.add(point);
      }
    }
    return points;
  }

  /** Returns {@code startup}: the random start-up trials need no history. */
  @Override
  public int blindTrials() {
    return startup;
  }

  /** Returns what was built, e.g. {@code tpe (independent, 10 start-up, 24 candidates, ...)}. */
  @Override
  public String toString() {
    return "tpe ("
        + (multivariate ? "multivariate" : "independent")
        + ", "
        + startup
        + " random start-up trials, "
        + candidates
        + " candidates, "
        + direction.name().toLowerCase(java.util.Locale.ROOT)
        + ", seed "
        + seed
        + ")";
  }
}
