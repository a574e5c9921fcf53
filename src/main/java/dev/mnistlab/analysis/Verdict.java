package dev.mnistlab.analysis;

/** Says whether a trial changed the result of the one before it by more than seed noise. */
public enum Verdict {
  /** The 95% interval of the difference lies above 0 (p below 0.05). */
  BETTER,
  /** The 95% interval of the difference lies below 0 (p below 0.05). */
  WORSE,
  /** The 95% interval of the difference contains 0: the change is within seed noise. */
  WITHIN_NOISE,
  /** A side has fewer than two runs (or no spread at all): noise cannot be measured. */
  UNKNOWN;

  /** Returns the verdict of a Welch comparison whose difference is "later minus earlier". */
  public static Verdict of(Welch welch) {
    if (Double.isNaN(welch.p())) {
      return UNKNOWN;
    }
    if (welch.low() > 0) {
      return BETTER;
    }
    if (welch.high() < 0) {
      return WORSE;
    }
    return WITHIN_NOISE;
  }
}
