package dev.mnistlab.search;

import java.util.SplittableRandom;

/**
 * Derives a sampler's random stream from the study's seed and the trial's number alone, so any
 * process that samples trial {@code number} draws the same values.
 */
final class Seeds {
  /** The stream random search (and TPE's start-up) draws from. */
  static final long RANDOM = 0x52414e444f4d5f31L;

  /** The stream TPE draws its candidates from once it models the history. */
  static final long TPE = 0x5450455f43414e44L;

  /** The stream that shuffles a grid (one per study, not per trial). */
  static final long GRID = 0x475249445f534855L;

  private Seeds() {}

  /** Returns a generator for trial {@code number} of a study seeded {@code seed}. */
  static SplittableRandom random(long seed, int number, long stream) {
    // Two rounds of mixing, so that neighbouring seeds and numbers give unrelated streams
    // (SplittableRandom alone would give shifted copies of one sequence).
    return new SplittableRandom(mix(mix(seed ^ stream) + number));
  }

  /** Returns the SplitMix64 finaliser of {@code z}: a bijection that scatters nearby inputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
