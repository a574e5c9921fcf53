package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/** Computes the loss the trainer minimises. */
final class Losses {
  // Sparse labels, logits in: the same contract as PyTorch's CrossEntropyLoss.
  private static final Loss CROSS_ENTROPY = Loss.softmaxCrossEntropyLoss();

  private Losses() {}

  /**
   * Returns the mean softmax cross-entropy of {@code logits} (batch x 10) against integer {@code
   * labels}, treating the last layer's output as logits exactly as PyTorch's {@code
   * CrossEntropyLoss} does, even when that layer is a sigmoid.
   */
  static NDArray crossEntropy(NDArray logits, NDArray labels) {
    return CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits));
  }

  /**
   * Returns the mean cross-entropy of {@code logits} against targets that put {@code 1 - eps} on
   * the true class plus {@code eps / K} on each of the K classes (Szegedy et al. 2016, "Rethinking
   * the Inception Architecture"), as PyTorch's {@code CrossEntropyLoss(label_smoothing=eps)}: per
   * image, {@code (1 - eps) * -log p_y + eps * mean_k(-log p_k)}. With {@code eps} 0 it is {@link
   * #crossEntropy(NDArray, NDArray)} itself, the same engine calls and so the same numbers.
   */
  static NDArray crossEntropy(NDArray logits, NDArray labels, double eps) {
    if (eps == 0) {
      return crossEntropy(logits, labels);
    }
    long classes = logits.getShape().get(1);
    NDArray logP = logits.logSoftmax(1);
    NDArray target =
        labels
            .oneHot((int) classes)
            .toType(DataType.FLOAT32, false)
            .mul(1 - eps)
            .add(eps / classes);
    return logP.mul(target).sum(new int[] {1}).neg().mean();
  }
}
