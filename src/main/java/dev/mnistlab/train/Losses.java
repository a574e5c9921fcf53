package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
}
