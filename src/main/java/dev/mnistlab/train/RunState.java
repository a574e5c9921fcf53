package dev.mnistlab.train;

/** Says how a training run ended. */
public enum RunState {
  /** Every epoch ran, or early stopping ended the run on purpose. */
  COMPLETE,
  /** The loss became NaN or infinite; the result says at which step. */
  DIVERGED,
  /** Something else went wrong; the result says what. */
  FAILED
}
