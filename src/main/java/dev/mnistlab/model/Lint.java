package dev.mnistlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Finds specs that train but are very likely mistakes, and computes the loss floor that a bounded
 * last layer puts under softmax cross-entropy.
 */
final class Lint {
  private Lint() {}

  /**
   * Returns the lowest training loss softmax cross-entropy can reach, when the last layer bounds
   * the logits, or empty when it does not.
   *
   * <p>With every logit in [lo, hi] the best case is hi for the true digit and lo for the nine
   * others, which costs -hi + ln(e^hi + 9 e^lo) = ln(1 + 9 e^(lo - hi)). Sigmoid gives (0, 1);
   * softmax gives values in (0, 1) that sum to 1, whose best case is the same one-hot vector; tanh
   * gives (-1, 1). The bound is an infimum: approached, never reached.
   */
  static OptionalDouble lossFloor(List<Layer> layers) {
    Layer last = layers.get(layers.size() - 1);
    if (last instanceof Layer.Sigmoid || last instanceof Layer.Softmax) {
      return OptionalDouble.of(floor(0, 1));
    }
    if (last instanceof Layer.Tanh) {
      return OptionalDouble.of(floor(-1, 1));
    }
    return OptionalDouble.empty();
  }

  /** Returns every warning for the layers, in the order of the layers they concern. */
  static List<LintWarning> warnings(List<Layer> layers) {
    List<LintWarning> warnings = new ArrayList<>(collapsing(layers));
    Layer last = layers.get(layers.size() - 1);
    OptionalDouble floor = lossFloor(layers);
    if (floor.isPresent()) {
      warnings.add(floorWarning(last, floor.getAsDouble()));
    }
    if (last instanceof Layer.Dropout) {
      warnings.add(
          new LintWarning(
              LintWarning.Code.DROPOUT_LAST,
              "last layer " + last.canonical() + " randomly zeroes class scores while training",
              "dropout on the logits adds noise the loss cannot learn around and does nothing"
                  + " at evaluation; put dropout before a linear layer instead"));
    }
    return List.copyOf(warnings);
  }

  private static List<LintWarning> collapsing(List<Layer> layers) {
    List<LintWarning> warnings = new ArrayList<>();
    int previous = -1;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (isNonLinear(layer)) {
        previous = -1;
      } else if (layer instanceof Layer.Linear || layer instanceof Layer.Conv2d) {
        if (previous >= 0) {
          warnings.add(
              new LintWarning(
                  LintWarning.Code.COLLAPSING_LAYERS,
                  layer.canonical()
                      + " at layer "
                      + (i + 1)
                      + " follows "
                      + layers.get(previous).canonical()
                      + " at layer "
                      + (previous + 1)
                      + " with no non-linearity between them: the two collapse into one"
                      + " linear map",
                  "a composition of linear maps is linear, so the pair adds parameters but no"
                      + " expressive power (dropout, batchnorm, flatten, avgpool and gap do not"
                      + " change that); put an activation such as relu between them"));
        }
        previous = i;
      }
    }
    return warnings;
  }

  /**
   * Returns true for layers that bend the map; dropout, batchnorm, flatten, avgpool and gap (a
   * mean) do not.
   */
  private static boolean isNonLinear(Layer layer) {
    if (layer instanceof Layer.LeakyRelu leaky) {
      return leaky.slope() != 1;
    }
    return layer instanceof Layer.Relu
        || layer instanceof Layer.Sigmoid
        || layer instanceof Layer.Tanh
        || layer instanceof Layer.Gelu
        || layer instanceof Layer.Softmax
        || layer instanceof Layer.MaxPool;
  }

  private static LintWarning floorWarning(Layer last, double floor) {
    String value = String.format(Locale.ROOT, "%.4f", floor);
    String formula;
    String effect;
    if (last instanceof Layer.Tanh) {
      formula = "ln(1+9/e^2)";
      effect = "squashes logits into (-1,1)";
    } else if (last instanceof Layer.Softmax) {
      formula = "ln(1+9/e)";
      effect = "turns logits into probabilities in (0,1)";
    } else {
      formula = "ln(1+9/e)";
      effect = "squashes logits into (0,1)";
    }
    return new LintWarning(
        LintWarning.Code.LOSS_FLOOR,
        "last layer "
            + last.name()
            + " "
            + effect
            + " before cross-entropy: training loss cannot go below "
            + formula
            + " = "
            + value,
        "softmax cross-entropy wants raw logits; the best bounded outputs it can get (top"
            + " value for the true digit, bottom value for the nine others) still cost "
            + formula
            + "; drop the last "
            + last.name()
            + " and keep linear(10) last");
  }

  private static double floor(double lo, double hi) {
    return Math.log1p(9 * Math.exp(lo - hi));
  }
}
