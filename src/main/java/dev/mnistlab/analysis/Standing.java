package dev.mnistlab.analysis;

/** Says where one value of a swept factor stands against the factor's best value. */
public enum Standing {
  /** The value with the highest mean final validation accuracy. */
  BEST,
  /** The 95% interval of its difference from the best contains 0 (Welch p >= 0.05). */
  WITHIN_NOISE,
  /** Its difference from the best lies below 0 beyond seed noise (Welch p below 0.05). */
  WORSE,
  /**
   * It or the best has fewer than two runs with a result (or neither has any spread), so the noise
   * cannot be measured: it is neither within noise nor worse.
   */
  UNDECIDED,
  /** Every run diverged or failed: it has no accuracy to compare. */
  NO_RESULT;

  /**
   * Returns the standing of a non-best value from Welch's test of "value minus best".
   *
   * @throws IllegalStateException when the value is better than the best beyond noise, which means
   *     the best was picked wrongly
   */
  static Standing of(Welch valueMinusBest) {
    return switch (Verdict.of(valueMinusBest)) {
      case WITHIN_NOISE -> WITHIN_NOISE;
      case WORSE -> WORSE;
      case UNKNOWN -> UNDECIDED;
      case BETTER ->
          throw new IllegalStateException(
              "a value cannot beat the best value "
                  + "beyond noise, got a difference of "
                  + valueMinusBest.difference());
    };
  }
}
