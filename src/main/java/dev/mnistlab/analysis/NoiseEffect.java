package dev.mnistlab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Holds the mini-batch noise of each value of a swept factor: the spread of the sampled step loss
 * around its centred moving average ({@link MiniBatchNoise}), over completed runs. A mini-batch
 * loss averages B per-example losses, so for independent examples its spread around the trend
 * shrinks like {@code B^-0.5}; {@link #batchExponent} measures how closely the sweep follows that.
 *
 * @param factor the factor's name
 * @param labels the values' labels, in the factor's order
 * @param noise each value's mini-batch noise
 * @param batchExponent when the batch size differs between values, the least-squares slope of
 *     ln(step-loss sd) on ln(batch size); NaN otherwise
 */
public record NoiseEffect(
    String factor, List<String> labels, List<MiniBatchNoise> noise, double batchExponent) {

  public NoiseEffect {
    Objects.requireNonNull(factor, "factor");
    labels = List.copyOf(labels);
    noise = List.copyOf(noise);
    if (labels.size() != noise.size()) {
      throw new IllegalArgumentException(
          "noise needs one measurement per value, got "
              + noise.size()
              + " for "
              + labels.size()
              + " values");
    }
  }

  /** Returns the noise of each value of {@code effect}. */
  public static NoiseEffect of(FactorEffect effect) {
    List<MiniBatchNoise> noise = effect.levels().stream().map(LevelSummary::noise).toList();
    boolean byBatch = noise.stream().map(MiniBatchNoise::batchSize).distinct().count() > 1;
    double exponent =
        !byBatch
            ? Double.NaN
            : LogSlope.of(
                noise.stream().mapToDouble(MiniBatchNoise::batchSize).toArray(),
                noise.stream().mapToDouble(MiniBatchNoise::noise).toArray());
    return new NoiseEffect(
        effect.factor(),
        effect.levels().stream().map(LevelSummary::label).toList(),
        noise,
        exponent);
  }

  /** Returns whether the values differ in batch size. */
  public boolean byBatchSize() {
    return noise.stream().map(MiniBatchNoise::batchSize).distinct().count() > 1;
  }

  /** Returns whether the values differ in optimizer. */
  public boolean byOptimizer() {
    return noise.stream().map(MiniBatchNoise::optimizer).distinct().count() > 1;
  }

  /**
   * Returns the findings: each value's spread with its level and samples, and how the spread
   * changes with the batch size (against {@code B^-0.5}) or between optimizers.
   */
  public List<String> findings() {
    List<String> findings = new ArrayList<>();
    List<Integer> measured = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      MiniBatchNoise n = noise.get(i);
      String name = factor + " " + labels.get(i);
      if (Double.isNaN(n.noise())) {
        findings.add(
            name
                + ": too few sampled step losses in the second half of its runs to "
                + "measure noise.");
      } else {
        measured.add(i);
        findings.add(
            String.format(
                Locale.ROOT,
                "%s: step loss scatters with sd %.4f around "
                    + "its moving average of %.4f (%.1f%%), from %d samples.",
                name,
                n.noise(),
                n.meanLoss(),
                100 * n.relativeNoise(),
                n.samples()));
      }
    }
    if (measured.size() < 2) {
      return List.copyOf(findings);
    }
    if (byBatchSize()) {
      MiniBatchNoise small =
          measured.stream()
              .map(noise::get)
              .min(Comparator.comparingInt(MiniBatchNoise::batchSize))
              .orElseThrow();
      MiniBatchNoise large =
          measured.stream()
              .map(noise::get)
              .max(Comparator.comparingInt(MiniBatchNoise::batchSize))
              .orElseThrow();
      double ratio = small.noise() / large.noise();
      findings.add(
          String.format(
              Locale.ROOT,
              "From batch size %d to %d (%s the batch), the "
                  + "step-loss sd goes from %.4f to %.4f (%s %s); the fit over all values gives sd "
                  + "~ batch^%.2f, against batch^-0.50 for averaging independent examples.",
              small.batchSize(),
              large.batchSize(),
              Wording.times((double) large.batchSize() / small.batchSize()),
              small.noise(),
              large.noise(),
              Wording.times(ratio >= 1 ? ratio : 1 / ratio),
              ratio >= 1 ? "smaller" : "larger",
              batchExponent));
    }
    if (byOptimizer()) {
      MiniBatchNoise noisiest =
          measured.stream()
              .map(noise::get)
              .max(Comparator.comparingDouble(MiniBatchNoise::relativeNoise))
              .orElseThrow();
      MiniBatchNoise quietest =
          measured.stream()
              .map(noise::get)
              .min(Comparator.comparingDouble(MiniBatchNoise::relativeNoise))
              .orElseThrow();
      findings.add(
          String.format(
              Locale.ROOT,
              "Relative to its loss, the noisiest optimizer is "
                  + "%s (%.1f%%), the quietest %s (%.1f%%).",
              noisiest.optimizer().cliName(),
              100 * noisiest.relativeNoise(),
              quietest.optimizer().cliName(),
              100 * quietest.relativeNoise()));
    }
    return List.copyOf(findings);
  }
}
