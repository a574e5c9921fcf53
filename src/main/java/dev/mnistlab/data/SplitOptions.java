package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.util.Objects;

/**
 * Describes how to carve training, validation and test sets out of MNIST.
 *
 * <p>The upper bounds depend on the data, so {@link MnistData#split} checks them; this record
 * checks what it can on its own.
 *
 * @param valSize how many training images to hold out for validation; 0 means none
 * @param mode which images are held out
 * @param seed the seed of a {@link SplitMode#RANDOM} split; ignored by {@link SplitMode#LAST}
 * @param trainLimit use only the first this many images of the training part, or null for all
 */
public record SplitOptions(int valSize, SplitMode mode, long seed, Integer trainLimit) {
  /** Holds out this many images by default, as the classic split does. */
  public static final int DEFAULT_VAL_SIZE = 5000;

  /** Checks the sign of the sizes and that the mode is given. */
  public SplitOptions {
    Objects.requireNonNull(mode, "mode");
    if (valSize < 0) {
      throw new InvalidInputException("validation size must be >= 0, got " + valSize);
    }
    if (trainLimit != null && trainLimit < 1) {
      throw new InvalidInputException("train limit must be >= 1, got " + trainLimit);
    }
  }

  /** Returns the default: the last 5,000 training images for validation, no train limit. */
  public static SplitOptions defaults() {
    return new SplitOptions(DEFAULT_VAL_SIZE, SplitMode.LAST, 0L, null);
  }
}
