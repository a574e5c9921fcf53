package dev.mnistlab.search;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Gives every point of a discretised space once: trial {@code n} is point {@code n} of the grid in
 * an order shuffled by the study's seed.
 *
 * <p>The shuffle makes a grid cut short (by a trial limit, a deadline or a crash) an even sample of
 * the space rather than one corner of it; the same seed gives the same order in every process, so
 * workers that take trial numbers from a shared counter cover the grid exactly once.
 *
 * <p>Ranges are discretised: an integer range of at most 10 values gives all of them, a longer one
 * 5 evenly spaced (log-spaced with {@code log}) distinct integers; a stepped real range of at most
 * 10 values gives all of them, any other real range 5 evenly (or log-) spaced values; a choice
 * gives all its values and a fixed parameter its one. A conditional parameter expands only under
 * its condition. A grid of more than {@value #MAX_POINTS} points is refused.
 *
 * <p>Immutable in behaviour and thread-safe: it keeps the last space's grid so a study does not
 * rebuild it for every trial, and two threads that race to build it build the same one.
 */
public final class GridSampler implements Sampler {
  /** The most points a grid may have. */
  static final int MAX_POINTS = 100_000;

  private static final int SPREAD = 5;
  private static final int ALL_UP_TO = 10;

  private final long seed;
  private volatile Grid last;

  /** Creates a grid sampler whose order is shuffled by the study's {@code seed}. */
  public GridSampler(long seed) {
    this.seed = seed;
  }

  /** Returns point {@code number} of the shuffled grid; throws once the grid is used up. */
  @Override
  public Map<String, Object> sample(SearchSpace space, int number, List<Observation> history) {
    Grid grid = grid(space);
    if (number < 0 || number >= grid.points.length) {
      throw new IllegalStateException(
          "the grid has " + grid.points.length + " points, so there is no trial number " + number);
    }
    Map<String, Object> point = new LinkedHashMap<>();
    int[] indices = grid.points[number];
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] >= 0) {
        point.put(space.params().get(i).name(), grid.values.get(i).get(indices[i]));
      }
    }
    return point;
  }

  /**
   * Returns the grid's point count.
   *
   * @throws InvalidInputException when it exceeds {@value #MAX_POINTS}
   */
  @Override
  public OptionalInt size(SearchSpace space) {
    return OptionalInt.of(grid(space).points.length);
  }

  /** Returns the values the grid tries for one distribution, in order. */
  static List<Object> values(Distribution d) {
    if (d instanceof IntRange r) {
      long count = Ranges.count(r);
      if (count <= ALL_UP_TO) {
        List<Object> all = new ArrayList<>();
        for (long k = 0; k < count; k++) {
          all.add(Ranges.valueAt(r, k));
        }
        return all;
      }
      Set<Object> spread = new LinkedHashSet<>();
      for (double x : spread(r.low(), r.high(), r.log())) {
        spread.add(Ranges.snap(r, x));
      }
      return List.copyOf(spread);
    }
    if (d instanceof FloatRange r) {
      if (r.step() > 0 && Ranges.count(r) <= ALL_UP_TO) {
        List<Object> all = new ArrayList<>();
        for (long k = 0; k < Ranges.count(r); k++) {
          all.add(Ranges.valueAt(r, k));
        }
        return all;
      }
      Set<Object> spread = new LinkedHashSet<>();
      for (double x : spread(r.low(), r.high(), r.log())) {
        spread.add(r.step() > 0 ? Ranges.snap(r, x) : tidy(x, r));
      }
      return List.copyOf(spread);
    }
    if (d instanceof Choice c) {
      return c.choices();
    }
    return List.of(((Distribution.Fixed) d).value());
  }

  /** Returns {@value #SPREAD} points from low to high, evenly spaced or log-spaced. */
  private static double[] spread(double low, double high, boolean log) {
    double[] xs = new double[SPREAD];
    for (int i = 0; i < SPREAD; i++) {
      double t = i / (double) (SPREAD - 1);
      xs[i] =
          log
              ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
              : low + t * (high - low);
    }
    xs[0] = low;
    xs[SPREAD - 1] = high;
    return xs;
  }

  /** Rounds an inner point of a continuous range to 6 digits, as people would write it. */
  private static double tidy(double x, FloatRange r) {
    double rounded = new BigDecimal(x).round(new MathContext(6)).doubleValue();
    return rounded >= r.low() && rounded <= r.high() ? rounded : x;
  }

  private Grid grid(SearchSpace space) {
    Grid grid = last;
    if (grid == null || !grid.space.equals(space)) {
      grid = build(space);
      last = grid;
    }
    return grid;
  }

  private Grid build(SearchSpace space) {
    List<Param> params = space.params();
    List<List<Object>> values = new ArrayList<>();
    for (Param p : params) {
      values.add(values(p.distribution()));
    }
    long count = new Counter(params, values).count(0, new HashMap<>());
    if (count > MAX_POINTS) {
      throw new InvalidInputException(
          String.format(
              "the grid of space '%s' has %s points, more"
                  + " than the limit of %,d; narrow the space or use the random or tpe sampler",
              space.name(),
              count == Long.MAX_VALUE ? "too many" : String.format("%,d", count),
              MAX_POINTS));
    }
    List<int[]> points = new ArrayList<>((int) count);
    enumerate(params, values, 0, new int[params.size()], new HashMap<>(), points);
    int[][] shuffled = points.toArray(new int[0][]);
    SplittableRandom rng = Seeds.random(seed, 0, Seeds.GRID);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int[] swap = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = swap;
    }
    return new Grid(space, values, shuffled);
  }

  /** Appends every completion of {@code indices[0..i)} to {@code out}, in the space's order. */
  private static void enumerate(
      List<Param> params,
      List<List<Object>> values,
      int i,
      int[] indices,
      Map<String, Object> chosen,
      List<int[]> out) {
    if (i == params.size()) {
      out.add(indices.clone());
      return;
    }
    Param p = params.get(i);
    if (!SearchSpace.applies(p, chosen)) {
      indices[i] = -1;
      enumerate(params, values, i + 1, indices, chosen, out);
      return;
    }
    for (int k = 0; k < values.get(i).size(); k++) {
      indices[i] = k;
      chosen.put(p.name(), values.get(i).get(k));
      enumerate(params, values, i + 1, indices, chosen, out);
    }
    chosen.remove(p.name());
  }

  /** Counts grid points without listing them, so a huge grid is refused quickly. */
  private static final class Counter {
    private final List<Param> params;
    private final List<List<Object>> values;
    private final Set<String> named = new HashSet<>();

    Counter(List<Param> params, List<List<Object>> values) {
      this.params = params;
      this.values = values;
      for (Param p : params) {
        if (p.condition() != null) {
          named.add(p.condition().param());
        }
      }
    }

    /** Returns the completions of {@code chosen} from parameter {@code i} on, saturating. */
    long count(int i, Map<String, Object> chosen) {
      if (i == params.size()) {
        return 1;
      }
      Param p = params.get(i);
      if (!SearchSpace.applies(p, chosen)) {
        return count(i + 1, chosen);
      }
      List<Object> vs = values.get(i);
      // Only a parameter some condition names changes what follows; any other multiplies.
      if (!named.contains(p.name())) {
        return times(vs.size(), count(i + 1, chosen));
      }
      long total = 0;
      for (Object v : vs) {
        chosen.put(p.name(), v);
        total = plus(total, count(i + 1, chosen));
      }
      chosen.remove(p.name());
      return total;
    }

    private static long times(long a, long b) {
      return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long plus(long a, long b) {
      return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
  }

  private record Grid(SearchSpace space, List<List<Object>> values, int[][] points) {}

  /** Returns what was built, e.g. {@code grid (shuffled by seed 42)}. */
  @Override
  public String toString() {
    return "grid (shuffled by seed " + seed + ")";
  }
}
