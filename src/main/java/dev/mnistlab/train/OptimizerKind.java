package dev.mnistlab.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names the optimizers {@code train} offers and builds each as DJL's implementation.
 *
 * <p>Defaults follow PyTorch's where DJL's differ: RMSprop decays with 0.99, not 0.9, and
 * plain {@code sgd} has no momentum. {@code momentum} and {@code nesterov} use the
 * {@code --momentum} value (0.9 by default).
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

  /** Returns whether {@code --betas} changes this optimizer. */
  public boolean usesBetas() {
    return this == ADAM || this == ADAMW;
  }

  /** Builds the DJL optimizer for this kind with the config's settings. */
  Optimizer build(TrainConfig config, ParameterTracker learningRate) {
    float wd = (float) config.weightDecay();
    float momentum = (float) config.momentum();
    float beta1 = (float) config.beta1();
    float beta2 = (float) config.beta2();
    return switch (this) {
      case SGD -> Optimizer.sgd().setLearningRateTracker(learningRate).optWeightDecays(wd).build();
      case MOMENTUM -> Optimizer.sgd()
          .setLearningRateTracker(learningRate)
          .optMomentum(momentum)
          .optWeightDecays(wd)
          .build();
      case NESTEROV -> Optimizer.nag()
          .setLearningRateTracker(learningRate)
          .setMomentum(momentum)
          .optWeightDecays(wd)
          .build();
      case ADAM -> Optimizer.adam()
          .optLearningRateTracker(learningRate)
          .optBeta1(beta1)
          .optBeta2(beta2)
          .optWeightDecays(wd)
          .build();
      case ADAMW -> Optimizer.adamW()
          .optLearningRateTracker(learningRate)
          .optBeta1(beta1)
          .optBeta2(beta2)
          .optWeightDecays(wd)
          .build();
      case RMSPROP -> Optimizer.rmsprop()
          .optLearningRateTracker(learningRate)
          .optRho(0.99f)
          .optWeightDecays(wd)
          .build();
      case ADAGRAD -> Optimizer.adagrad()
          .optLearningRateTracker(learningRate)
          .optWeightDecays(wd)
          .build();
    };
  }
}
