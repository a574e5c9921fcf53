package dev.mnistlab.train;

/**
 * Holds the mean loss and the accuracy of a network on one split.
 *
 * @param loss mean softmax cross-entropy over the split's images
 * @param accuracy fraction of images whose largest output is the true digit
 */
public record Evaluation(double loss, double accuracy) {
  /** An evaluation of an empty split: both values NaN. */
  public static final Evaluation NONE = new Evaluation(Double.NaN, Double.NaN);
}
