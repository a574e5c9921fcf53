package dev.mnistlab.search;

import dev.mnistlab.storage.Direction;
import java.util.Arrays;
import java.util.List;

/** Turns raw objective values into scores where larger is better, for the pruners to rank. */
final class Scores {
  private Scores() {}

  /**
   * Returns {@code value} as a score that is larger when better in {@code direction}; NaN (a
   * diverged epoch) becomes negative infinity, so it ranks below every real value.
   */
  static double of(Direction direction, double value) {
    if (Double.isNaN(value)) {
      return Double.NEGATIVE_INFINITY;
    }
    return direction == Direction.MAXIMIZE ? value : -value;
  }

  /** Returns the scores at {@code epoch} of the trials among {@code others} that reached it. */
  static double[] at(Direction direction, List<Curve> others, int epoch) {
    return others.stream()
        .filter(c -> c.values().size() >= epoch)
        .mapToDouble(c -> of(direction, c.at(epoch)))
        .toArray();
  }

  /**
   * Returns the median of {@code scores} (the mean of the middle two for an even count), or NaN
   * when there are none.
   */
  static double median(double[] scores) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    if (sorted.length % 2 == 1 || sorted[mid - 1] == sorted[mid]) {
      return sorted[mid];
    }
    return sorted[mid - 1] / 2 + sorted[mid] / 2;
  }

  /** Throws {@link dev.mnistlab.InvalidInputException} with {@code message} unless {@code ok}. */
  static void require(boolean ok, String message) {
    if (!ok) {
      throw new dev.mnistlab.InvalidInputException(message);
    }
  }
}
