package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;

/**
 * Changes one parameter in place from its gradient: one optimizer's step for one tensor.
 *
 * <p>Implementations follow PyTorch's {@code torch.optim} formulas (non-fused, default options) so
 * results compare with PyTorch runs. The trainer calls {@link #update} once per parameter per step,
 * from one thread, with gradient recording off; {@code slot} numbers the parameter so the rule can
 * keep per-parameter state such as moments.
 */
interface UpdateRule {
  /**
   * Applies one step to {@code weight}.
   *
   * @param slot the parameter's index, stable over the run
   * @param weight the parameter, changed in place
   * @param grad its gradient for this step (not kept after the call)
   * @param lr this step's learning rate
   * @param step the 1-based step number
   */
  void update(int slot, NDArray weight, NDArray grad, double lr, long step);

  /** Returns the rule for {@code config}'s optimizer with its momentum, betas and decay. */
  static UpdateRule of(TrainConfig config) {
    double wd = config.weightDecay();
    return switch (config.optimizer()) {
      case SGD -> new UpdateRules.Sgd(0, false, wd);
      case MOMENTUM -> new UpdateRules.Sgd(config.momentum(), false, wd);
      case NESTEROV -> new UpdateRules.Sgd(config.momentum(), true, wd);
      case ADAM -> new UpdateRules.Adam(config.beta1(), config.beta2(), wd, false);
      case ADAMW -> new UpdateRules.Adam(config.beta1(), config.beta2(), wd, true);
      case RMSPROP -> new UpdateRules.RmsProp(0.99, wd);
      case ADAGRAD -> new UpdateRules.Adagrad(wd);
    };
  }
}
