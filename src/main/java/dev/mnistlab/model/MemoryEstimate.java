package dev.mnistlab.model;

import dev.mnistlab.InvalidInputException;
import java.util.Locale;

/**
 * Estimates the memory one training run of a network needs, so a run that cannot fit is refused
 * before it starts instead of failing inside the engine.
 *
 * <p>Every value is a 4-byte float32. Training holds the weights, one gradient per weight and the
 * optimizer's state, {@code optimizerCopies} more copies of the weights (Adam and AdamW keep two
 * moments, SGD with momentum, RMSprop and Adagrad one buffer, plain SGD none); and for each example
 * of the batch, the values the forward pass keeps for the backward pass (the input and every
 * layer's output) and a gradient of each:
 *
 * <pre>
 * bytes = 4 * (parameters * (2 + optimizerCopies) + 2 * batchSize * activations)
 * </pre>
 *
 * <p>It is a floor, not a forecast: the engine's workspace, the data set (about 200 MB) and the JVM
 * come on top, so a network near the limit may still not train. It is meant to catch networks that
 * cannot fit by orders of magnitude, such as {@code linear(1e9)}.
 *
 * @param parameters trainable parameters, as {@link ModelSpec#parameterCount()} counts them
 * @param activations values one example makes going forward: its input and each layer's output
 * @param batchSize examples per training step
 * @param optimizer the optimizer's name, for messages
 * @param optimizerCopies copies of the parameters the optimizer keeps as state
 */
public record MemoryEstimate(
    long parameters, long activations, int batchSize, String optimizer, int optimizerCopies) {
  /** Bytes of one float32 value. */
  public static final int BYTES_PER_VALUE = 4;

  /** Checks that counts are not negative and the batch has at least one example. */
  public MemoryEstimate {
    if (parameters < 0 || activations < 0 || optimizerCopies < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got " + parameters + ", " + activations + ", " + optimizerCopies);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (optimizer == null || optimizer.isBlank()) {
      throw new IllegalArgumentException("optimizer must be named");
    }
  }

  /** Returns the estimated bytes; a double, since huge networks pass a long's range. */
  public double bytes() {
    return BYTES_PER_VALUE
        * ((double) parameters * (2 + optimizerCopies) + 2.0 * batchSize * activations);
  }

  /** Returns whether the estimate is at most {@code memoryBytes}. */
  public boolean fits(long memoryBytes) {
    return bytes() <= memoryBytes;
  }

  /**
   * Returns the estimate in words, for example {@code about 2.7 MiB (109,386 parameters at batch
   * 100 with adam)}.
   */
  public String text() {
    return String.format(
        Locale.ROOT,
        "about %s (%,d parameters at batch %d with %s)",
        size(bytes()),
        parameters,
        batchSize,
        optimizer);
  }

  /**
   * Throws when the estimate is more than {@code memoryBytes}, with one line giving both.
   *
   * @throws InvalidInputException naming the estimate and the machine's memory
   */
  public void requireFits(long memoryBytes) {
    if (!fits(memoryBytes)) {
      throw new InvalidInputException(
          "network needs "
              + text()
              + ", more than this "
              + "machine's "
              + size(memoryBytes)
              + " of memory");
    }
  }

  /** Writes a byte count in binary units with one decimal: 512 B, 2.7 MiB, 23.4 GiB. */
  public static String size(double bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    int unit = 0;
    double value = bytes;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? String.format(Locale.ROOT, "%.0f B", value)
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
