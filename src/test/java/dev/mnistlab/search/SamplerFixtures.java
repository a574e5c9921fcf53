package dev.mnistlab.search;

import dev.mnistlab.search.Distribution.Choice;
import dev.mnistlab.search.Distribution.FloatRange;
import dev.mnistlab.search.Distribution.IntRange;
import dev.mnistlab.storage.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds the spaces and the synthetic objective the sampler tests share. */
final class SamplerFixtures {
  private SamplerFixtures() {}

  /** Returns a space shaped like the real MLP space, conditions included. */
  static SearchSpace mlp() {
    IntRange units = new IntRange(64, 1024, 1, true);
    return new SearchSpace(
        "mlp",
        List.of(
            new Param("layers", new IntRange(1, 3, 1, false), null),
            new Param("units_1", units, null),
            new Param("units_2", units, new Condition("layers", List.of(2, 3))),
            new Param("units_3", units, new Condition("layers", List.of(3))),
            new Param("activation", new Choice(List.of("relu", "gelu", "tanh")), null),
            new Param("dropout", new FloatRange(0, 0.5, 0.05, false), null),
            new Param(
                "optimizer", new Choice(List.of("adam", "sgd", "momentum", "nesterov")), null),
            new Param(
                "momentum",
                new FloatRange(0.8, 0.99, 0, false),
                new Condition("optimizer", List.of("momentum", "nesterov"))),
            new Param("lr", new FloatRange(1e-4, 1e-1, 0, true), null),
            new Param("batch_size", new Choice(List.of(32, 64, 128, 256)), null),
            new Param("epochs", new Distribution.Fixed(12), null)));
  }

  /**
   * Returns a made-up validation error (lower is better) for a point of {@link #mlp}, with the
   * shape real MNIST runs have: a best learning rate that depends on the optimiser, about 0.6
   * points lost per decade off it squared, Adam diverging above 0.03, too few units hurting, small
   * effects of depth, activation, dropout and batch size, and seed noise of 0.1 points. A diverged
   * trial has state DIVERGED and value NaN.
   */
  static Observation evaluate(int number, Map<String, Object> p, long noiseSeed) {
    String optimizer = (String) p.get("optimizer");
    double lr = Math.log10((Double) p.get("lr"));
    if (optimizer.equals("adam") && lr > Math.log10(0.03)) {
      return new Observation(number, p, TrialState.DIVERGED, Double.NaN, 1);
    }
    double bestLr =
        switch (optimizer) {
          case "adam" -> -3.0;
          case "sgd" -> -0.9;
          default -> -1.8 - 2 * ((Double) p.get("momentum") - 0.9);
        };
    int layers = (Integer) p.get("layers");
    double log2Units = 0;
    for (int i = 1; i <= layers; i++) {
      log2Units += Math.log((Integer) p.get("units_" + i)) / Math.log(2) / layers;
    }
    double error =
        0.016
            + 0.006 * square(lr - bestLr)
            + (optimizer.equals("sgd") ? 0.004 : 0)
            + 0.0012 * square(Math.max(0, 9 - log2Units))
            + (layers == 1 ? 0.002 : layers == 3 ? 0.0005 : 0)
            + switch ((String) p.get("activation")) {
              case "gelu" -> -0.0005;
              case "tanh" -> 0.003;
              default -> 0.0;
            }
            + 0.02 * square((Double) p.get("dropout") - 0.2)
            + 0.0002 * square(Math.log((Integer) p.get("batch_size")) / Math.log(2) - 6);
    Random noise = new Random(Seeds.mix(noiseSeed * 31 + number));
    return new Observation(
        number, p, TrialState.COMPLETE, error + 0.001 * noise.nextGaussian(), 12);
  }

  /** Runs {@code trials} trials one after another, each seeing all earlier ones. */
  static List<Observation> run(Sampler sampler, SearchSpace space, int trials, long noiseSeed) {
    List<Observation> history = new ArrayList<>();
    for (int n = 0; n < trials; n++) {
      history.add(evaluate(n, sampler.sample(space, n, List.copyOf(history)), noiseSeed));
    }
    return history;
  }

  /** Returns the lowest value among complete trials. */
  static double best(List<Observation> history) {
    return history.stream()
        .filter(o -> o.state() == TrialState.COMPLETE)
        .mapToDouble(Observation::value)
        .min()
        .orElse(Double.NaN);
  }

  private static double square(double x) {
    return x * x;
  }
}
