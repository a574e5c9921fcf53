package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names the optimizers {@code train} offers and builds each as DJL's implementation.
 *
 * <p>Each follows PyTorch's {@code torch.optim} with its default options (see {@link UpdateRule}):
 * plain {@code sgd} has no momentum; {@code momentum} and {@code nesterov} use {@code --momentum}
 * (0.9 by default); {@code adam} and {@code adamw} use {@code --betas}; RMSprop decays with 0.99.
 */
public enum OptimizerKind {
  SGD,
  MOMENTUM,
  NESTEROV,
  ADAM,
  ADAMW,
  RMSPROP,
  ADAGRAD;

  /** Returns the kind for a user-typed name, or fails naming the allowed ones. */
  public static OptimizerKind parse(String name) {
    for (OptimizerKind kind : values()) {
      if (kind.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "unknown optimizer '" + name + "': allowed are " + allowedNames());
  }

  /** Returns the names users type, comma separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(OptimizerKind::cliName).collect(Collectors.joining(", "));
  }

  /** Returns the name users type for this kind. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether {@code --momentum} changes this optimizer. */
  public boolean usesMomentum() {
    return this == MOMENTUM || this == NESTEROV;
  }

  /**
   * Returns how many copies of the parameters this optimizer keeps as state (see {@link
   * UpdateRules}): Adam and AdamW two moments; momentum, Nesterov, RMSprop and Adagrad one buffer;
   * plain SGD none.
   */
  public int stateCopies() {
    return switch (this) {
      case SGD -> 0;
      case MOMENTUM, NESTEROV, RMSPROP, ADAGRAD -> 1;
      case ADAM, ADAMW -> 2;
    };
  }

  /** Returns whether {@code --betas} changes this optimizer. */
  public boolean usesBetas() {
    return this == ADAM || this == ADAMW;
  }
}
