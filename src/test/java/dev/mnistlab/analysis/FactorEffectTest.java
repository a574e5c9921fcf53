package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.diverged;
import static dev.mnistlab.analysis.Fixtures.failed;
import static dev.mnistlab.analysis.Fixtures.fill;
import static dev.mnistlab.analysis.Fixtures.flats;
import static dev.mnistlab.analysis.Fixtures.level;
import static dev.mnistlab.analysis.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.TrainResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorEffectTest {

  private static FactorEffect lr(FactorLevel... levels) {
    return FactorEffect.of("lr", List.of(levels), true);
  }

  @Test
  void marksAClearWinnerBestAndTheOthersWorse() {
    FactorEffect effect =
        lr(
            level("0.001", 1e-3, flats(0.970, 0.975, 0.980)),
            level("0.003", 3e-3, flats(0.950, 0.952, 0.954)));

    assertThat(effect.best()).isEqualTo("0.001");
    assertThat(effect.withinNoise()).isEmpty();
    assertThat(effect.labels(Standing.WORSE)).containsExactly("0.003");
    assertThat(effect.noiseMeasured()).isTrue();
    List<String> findings = effect.findings();
    assertThat(findings.get(0))
        .isEqualTo("Best lr: 0.001, final validation accuracy 0.9750 [0.9626, 0.9874].");
    assertThat(findings.get(1)).isEqualTo("No other value is within seed noise of it.");
    assertThat(findings.get(2))
        .startsWith(
            "Worse than it beyond seed noise (difference and "
                + "95% interval): lr 0.003 (-0.0230 [");
  }

  @Test
  void listsAValueWhoseDifferenceFromTheBestIsWithinNoise() {
    FactorEffect effect =
        lr(
            level("0.0001", 1e-4, flats(0.90, 0.91, 0.92)),
            level("0.001", 1e-3, flats(0.970, 0.975, 0.980)),
            level("0.003", 3e-3, flats(0.968, 0.974, 0.981)));

    assertThat(effect.best()).isEqualTo("0.001");
    assertThat(effect.withinNoise()).containsExactly("0.003");
    assertThat(effect.labels(Standing.WORSE)).containsExactly("0.0001");
    LevelSummary tie = effect.levels().get(2);
    assertThat(tie.versusBest().difference()).isCloseTo(-0.000667, within(1e-6));
    assertThat(tie.versusBest().p()).isGreaterThan(0.05);
    assertThat(effect.findings())
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith(
                        "Within seed noise of it (Welch p >= 0.05): lr 0.003 (-0.0007 [-0.0"));
  }

  @Test
  void givesTiesToTheEarlierValue() {
    FactorEffect effect = lr(level("a", 1, flats(0.97, 0.98)), level("b", 2, flats(0.97, 0.98)));

    assertThat(effect.best()).isEqualTo("a");
    assertThat(effect.levels().get(1).standing()).isEqualTo(Standing.WITHIN_NOISE);
    assertThat(effect.levels().get(1).versusBest().p()).isEqualTo(1.0);
  }

  @Test
  void saysNoiseCannotBeMeasuredWithOneRunPerValue() {
    FactorEffect effect = lr(level("0.001", 1e-3, flats(0.97)), level("0.01", 1e-2, flats(0.96)));

    assertThat(effect.best()).isEqualTo("0.001");
    assertThat(effect.noiseMeasured()).isFalse();
    assertThat(effect.withinNoise()).isEmpty();
    assertThat(effect.levels().get(1).standing()).isEqualTo(Standing.UNDECIDED);
    assertThat(effect.findings())
        .startsWith(
            "Best lr: 0.001, final validation accuracy 0.9700 (one run).",
            "One run per value: noise cannot be measured, so no value can be called better or "
                + "worse than another; the ranking is of single runs.");
  }

  @Test
  void claimsNothingAboutNoiseWhenTheBestHasOneRun() {
    FactorEffect effect =
        lr(
            level("0.001", 1e-3, flats(0.98)),
            level("0.01", 1e-2, flats(0.960, 0.962)),
            level("0.1", 1e-1, flats(0.950, 0.951)));

    assertThat(effect.best()).isEqualTo("0.001");
    assertThat(effect.labels(Standing.UNDECIDED)).containsExactly("0.01", "0.1");
    assertThat(effect.findings())
        .doesNotContain("No other value is within seed noise of it.")
        .anySatisfy(f -> assertThat(f).startsWith("Noise cannot be measured for lr 0.01, lr 0.1"));
  }

  @Test
  void namesValuesWhoseNoiseCannotBeMeasuredBesideMeasuredOnes() {
    FactorEffect effect =
        lr(level("0.001", 1e-3, flats(0.970, 0.975, 0.980)), level("0.1", 1e-1, flats(0.5)));

    assertThat(effect.levels().get(1).standing()).isEqualTo(Standing.UNDECIDED);
    assertThat(effect.findings())
        .contains(
            "Noise cannot be measured for lr 0.1 (fewer than "
                + "two runs on a side, or no spread): neither within noise nor worse.");
  }

  @Test
  void countsDivergedSeedsWithTheMedianStep() {
    FactorEffect effect =
        lr(
            level("0.001", 1e-3, flats(0.970, 0.975, 0.980)),
            level("0.1", 1e-1, diverged(38, 0), diverged(40, 1), diverged(45, 0)));

    LevelSummary blown = effect.levels().get(1);
    assertThat(blown.diverged()).isEqualTo(3);
    assertThat(blown.divergedAtSteps()).containsExactly(38L, 40L, 45L);
    assertThat(blown.medianDivergenceStep()).isEqualTo(40);
    assertThat(blown.standing()).isEqualTo(Standing.NO_RESULT);
    assertThat(blown.finalValAccuracy().n()).isZero();
    assertThat(effect.findings()).contains("lr 0.1: diverged in 3 of 3 seeds at step ~40.");
  }

  @Test
  void writesAnExactStepWhenEverySeedDivergedAtTheSameOne() {
    FactorEffect effect = lr(level("0.1", 1e-1, diverged(40, 0), diverged(40, 0)));

    assertThat(effect.best()).isNull();
    assertThat(effect.findings())
        .containsExactly(
            "No value of lr has a result: every run diverged or failed.",
            "lr 0.1: diverged in 2 of 2 seeds at step 40.");
  }

  @Test
  void averagesAPartlyDivergedValueOverItsCompletedRunsOnly() {
    TrainResult[] done = flats(0.96, 0.962);
    FactorEffect effect = lr(level("0.03", 3e-2, done[0], done[1], diverged(1200, 2)));

    LevelSummary partial = effect.levels().get(0);
    assertThat(partial.runs()).isEqualTo(3);
    assertThat(partial.diverged()).isEqualTo(1);
    assertThat(partial.finalValAccuracy().n()).isEqualTo(2);
    assertThat(partial.finalValAccuracy().mean()).isCloseTo(0.961, within(1e-12));
    assertThat(partial.curves().valAccuracy().get(0).n()).isEqualTo(2);
    assertThat(effect.findings())
        .contains(
            "lr 0.03: diverged in 1 of 3 seeds at step 1200; "
                + "its means cover the 2 runs that completed.");
  }

  @Test
  void leavesFailedRunsOutAndSaysSo() {
    TrainResult[] done = flats(0.95, 0.951);
    FactorEffect effect = lr(level("0.01", 1e-2, done[0], done[1], failed()));

    assertThat(effect.levels().get(0).failed()).isEqualTo(1);
    assertThat(effect.levels().get(0).finalValAccuracy().n()).isEqualTo(2);
    assertThat(effect.findings())
        .contains(
            "lr 0.01: 1 of 3 runs failed (an error, not an "
                + "effect of the value) and is left out.");
  }

  @Test
  void flagsUnderfittingAndOverfittingPerValue() {
    double[] uShape = new double[20];
    for (int e = 1; e <= 20; e++) {
      uShape[e - 1] = 0.08 + 0.002 * (e - 6) * (e - 6);
    }
    FactorEffect effect =
        lr(
            level(
                "0.0001",
                1e-4,
                Fixtures.run(0.9, line(10, 0.6, 0.3), line(10, 0.5, 0.2), line(10, 0.90, 0.97))),
            level("0.01", 1e-2, Fixtures.run(0.98, line(20, 0.3, 0.01), uShape, fill(20, 0.98))));

    assertThat(effect.levels().get(0).stillImproving().stillImproving()).isTrue();
    assertThat(effect.levels().get(1).overfitting().overfits()).isTrue();
    assertThat(effect.levels().get(1).bestEpoch()).isEqualTo(6);
    assertThat(effect.findings())
        .contains(
            "lr 0.0001: still improving at the last epoch (validation accuracy +0.0233, "
                + "validation loss -0.1000 over the last 3 epochs): more epochs would help "
                + "(underfitting).",
            "lr 0.01: validation loss is lowest at epoch 6 (0.0800) and rises by 0.3920 by epoch "
                + "20, more than 5% of its minimum (one run: seed noise unknown): overfitting.");
  }

  @Test
  void saysSoWhenNoValueUnderfitsOrOverfits() {
    FactorEffect effect = lr(level("0.001", 1e-3, flats(0.97, 0.98)));

    assertThat(effect.findings())
        .contains(
            "No value is still improving at the last epoch.",
            "No value's validation loss rises beyond noise after its minimum.");
  }

  @Test
  void comparesTheCostOfEachValueInSeconds() {
    FactorEffect effect =
        lr(
            level(
                "0.001",
                1e-3,
                Arrays.stream(flats(0.97, 0.98))
                    .map(r -> Fixtures.seconds(r, r.lastEpoch().valAccuracy() > 0.975 ? 62 : 60))
                    .toArray(TrainResult[]::new)),
            level("0.1", 1e-1, Fixtures.seconds(flats(0.9)[0], 8.2)));

    assertThat(effect.levels().get(0).seconds().mean()).isEqualTo(61.0);
    assertThat(effect.findings())
        .last()
        .isEqualTo(
            "Seconds per run (mean over completed "
                + "runs): 0.001 61 s, 0.1 8.2 s; the slowest, lr 0.001, costs 7.4x the fastest, "
                + "lr 0.1.");
  }

  @Test
  void rejectsValuesALogScaleCannotShow() {
    assertThatThrownBy(() -> lr(level("0", 0, flats(0.9))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a log scale needs every value > 0, got 0.0 for lr 0");
  }

  @Test
  void rejectsTwoValuesWithOneLabel() {
    assertThatThrownBy(() -> lr(level("a", 1, flats(0.9)), level("a", 2, flats(0.9))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factor values must have distinct labels, got 'a' twice for lr");
  }

  @Test
  void rejectsAFactorWithoutValues() {
    assertThatThrownBy(() -> FactorEffect.of("lr", List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factor lr must have at least one value, got none");
  }

  @Test
  void treatsAFactorWithACategoryAsCategorical() {
    FactorEffect effect =
        FactorEffect.of(
            "optimizer",
            List.of(level("adam", Double.NaN, flats(0.97)), level("sgd", Double.NaN, flats(0.9))),
            false);

    assertThat(effect.numeric()).isFalse();
    assertThat(effect.name(effect.levels().get(1))).isEqualTo("optimizer sgd");
  }
}
