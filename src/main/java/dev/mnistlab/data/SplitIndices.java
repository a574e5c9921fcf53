package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Computes which training images go to training and which to validation.
 *
 * <p>Both index arrays are ascending, so a random split keeps the file order within each part and
 * {@code trainLimit} means "the first N" in either mode.
 */
record SplitIndices(int[] train, int[] val) {

  static SplitIndices compute(int available, SplitOptions options) {
    int valSize = options.valSize();
    if (valSize >= available) {
      throw new InvalidInputException(
          String.format(
              "validation size must be between 0 and %d, got %d", available - 1, valSize));
    }
    int[] order = new int[available];
    for (int i = 0; i < available; i++) {
      order[i] = i;
    }
    int[] val;
    int[] train;
    if (options.mode() == SplitMode.LAST) {
      train = Arrays.copyOfRange(order, 0, available - valSize);
      val = Arrays.copyOfRange(order, available - valSize, available);
    } else {
      // Fisher-Yates with a seeded generator: the same seed holds out the same images.
      SplittableRandom random = new SplittableRandom(options.seed());
      for (int i = available - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      val = Arrays.copyOfRange(order, 0, valSize);
      train = Arrays.copyOfRange(order, valSize, available);
      Arrays.sort(val);
      Arrays.sort(train);
    }
    Integer limit = options.trainLimit();
    if (limit != null) {
      if (limit > train.length) {
        throw new InvalidInputException(
            String.format(
                "train limit must be between 1 and %d (training images left after holding out %d"
                    + " for validation), got %d",
                train.length, valSize, limit));
      }
      train = Arrays.copyOf(train, limit);
    }
    return new SplitIndices(train, val);
  }
}
