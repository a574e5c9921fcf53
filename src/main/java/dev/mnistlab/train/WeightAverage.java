package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an exponential moving average of a network's weights (Polyak and Juditsky 1992), and swaps
 * it into the network for evaluation.
 *
 * <p>The average is bias-corrected as Adam's moments are (Kingma and Ba 2015): after step n it is
 * {@code sum_k (1 - decay) decay^(n-k) w_k / (1 - decay^n)}, the exponential average of the weights
 * seen so far with the initial weights given no share. {@link #update} keeps it directly, as {@code
 * shadow += r (w - shadow)} with {@code r = (1 - decay) / (1 - decay^n)}: r is 1 at the first step
 * and falls to {@code 1 - decay}. Uncorrected, a shadow that starts at the initial weights still
 * holds decay^n of them: at decay 0.999 a quarter after 1,300 steps (three epochs at batch 128), so
 * early epochs evaluated a network that was partly its random start. {@link #swap} exchanges the
 * live weights and the shadow in place, so calling it before evaluating and again after leaves
 * training where it was.
 *
 * <p>The trainer hands it every parameter, batch norm's running mean and variance included (as
 * {@code torch.optim.swa_utils.AveragedModel} with {@code use_buffers=True} and timm's model EMA
 * do): averaged weights evaluated with the statistics of the latest weights misjudge every
 * activation while the weights still move fast.
 *
 * <p>Not thread-safe: call it from the thread that trains.
 */
final class WeightAverage {
  private static final NDIndex ALL = new NDIndex("...");

  private final double decay;
  private final List<NDArray> weights;
  private final List<NDArray> shadows = new ArrayList<>();
  private long steps;

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

  /** Takes one more step's weights into the average; temporaries go to {@code scope}. */
  void update(NDManager scope) {
    steps++;
    double rate = rate(decay, steps);
    for (int i = 0; i < weights.size(); i++) {
      NDArray step = weights.get(i).mul(rate);
      step.attach(scope);
      shadows.get(i).muli(1 - rate).addi(step);
    }
  }

  /**
   * Returns how far step {@code n} (from 1) moves the corrected average toward the weights: {@code
   * (1 - decay) / (1 - decay^n)}.
   */
  static double rate(double decay, long n) {
    return (1 - decay) / (1 - Math.pow(decay, n));
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
