package dev.mnistlab.search;

import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Samples every parameter independently of the others and of the history (Bergstra and Bengio 2012,
 * "Random Search for Hyper-Parameter Optimization").
 *
 * <p>Ranges are uniform, or uniform in the logarithm when {@code log}; stepped ranges give each
 * step point its share; a choice picks each value with equal chance; a fixed parameter is its
 * value. Parameters are chosen in the space's order, and a conditional one only where its condition
 * holds. The draws come from a generator seeded by the study's seed and the trial's number, so
 * trial {@code n} is the same point in every process. Immutable and thread-safe.
 */
public final class RandomSampler implements Sampler {
  private final long seed;

  /** Creates a random sampler for a study seeded {@code seed}. */
  public RandomSampler(long seed) {
    this.seed = seed;
  }

  @Override
  public Map<String, Object> sample(SearchSpace space, int number, List<Observation> history) {
    SplittableRandom rng = Seeds.random(seed, number, Seeds.RANDOM);
    Map<String, Object> chosen = new LinkedHashMap<>();
    for (Param p : space.params()) {
      if (SearchSpace.applies(p, chosen)) {
        chosen.put(p.name(), draw(p.distribution(), rng));
      }
    }
    return chosen;
  }

  /** Returns one value of {@code d} drawn from {@code rng}. */
  static Object draw(Distribution d, SplittableRandom rng) {
    if (d instanceof IntRange r) {
      if (!r.log()) {
        return Ranges.valueAt(r, rng.nextLong(Ranges.count(r)));
      }
      // Widen by half a step each side so that, after rounding, the end points get the
      // share of the log scale their rounding interval covers, like any other value.
      double low = Math.log(Math.max(r.low() - 0.5 * r.step(), 0.5 * r.low()));
      double high = Math.log(r.high() + 0.5 * r.step());
      return Ranges.snap(r, Math.exp(uniform(rng, low, high)));
    }
    if (d instanceof FloatRange r) {
      if (r.step() > 0) {
        return Ranges.valueAt(r, rng.nextLong(Ranges.count(r)));
      }
      double x =
          r.log()
              ? Math.exp(uniform(rng, Math.log(r.low()), Math.log(r.high())))
              : uniform(rng, r.low(), r.high());
      return Ranges.snap(r, x);
    }
    if (d instanceof Choice c) {
      return c.choices().get(rng.nextInt(c.choices().size()));
    }
    return ((Distribution.Fixed) d).value();
  }

  private static double uniform(SplittableRandom rng, double low, double high) {
    return low + rng.nextDouble() * (high - low);
  }

  /** Returns what was built, e.g. {@code random (seed 42)}. */
  @Override
  public String toString() {
    return "random (seed " + seed + ")";
  }
}
