package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an exponential moving average of a network's trainable weights (Polyak and Juditsky 1992),
 * and swaps it into the network for evaluation.
 *
 * <p>After every optimizer step {@link #update} sets {@code shadow = decay * shadow + (1 - decay) *
 * w}; the shadow starts as the initial weights. {@link #swap} exchanges the live weights and the
 * shadow in place, so calling it before evaluating and again after leaves training where it was.
 *
 * <p>Only trainable parameters are averaged. Batch norm's running mean and variance are not
 * parameters that learn by gradient: the evaluated network uses them as training left them, not
 * averaged (as {@code torch.optim.swa_utils.AveragedModel} does without {@code use_buffers}).
 *
 * <p>Not thread-safe: call it from the thread that trains.
 */
final class WeightAverage {
  private static final NDIndex ALL = new NDIndex("...");

  private final double decay;
  private final List<NDArray> weights;
  private final List<NDArray> shadows = new ArrayList<>();

  /**
   * Creates an average of {@code weights} (which it keeps and will change in place when swapping),
   * starting from their present values; the copies belong to {@code manager}.
   */
  WeightAverage(double decay, List<NDArray> weights, NDManager manager) {
    this.decay = decay;
    this.weights = weights;
    for (NDArray w : weights) {
      // A fresh array from the values, not a clone: a clone could carry the weight's gradient.
      shadows.add(manager.create(w.toFloatArray(), w.getShape()));
    }
  }

  /**
   * Moves the shadow toward the live weights by {@code 1 - decay}; temporaries go to {@code scope}.
   */
  void update(NDManager scope) {
    for (int i = 0; i < weights.size(); i++) {
      NDArray step = weights.get(i).mul(1 - decay);
      step.attach(scope);
      shadows.get(i).muli(decay).addi(step);
    }
  }

  /** Exchanges the live weights and the shadow, in place; temporaries go to {@code scope}. */
  void swap(NDManager scope) {
    for (int i = 0; i < weights.size(); i++) {
      NDArray w = weights.get(i);
      NDArray live = w.duplicate();
      live.attach(scope);
      w.set(ALL, shadows.get(i));
      shadows.get(i).set(ALL, live);
    }
  }

  /** Returns a copy of the average's values of weight {@code slot}, for tests. */
  float[] shadow(int slot) {
    return shadows.get(slot).toFloatArray();
  }
}
