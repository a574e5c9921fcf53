package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mnistlab.train.TrainResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepComparisonTest {

  private static TrialRuns trial(String name, double... valAccuracies) {
    List<TrainResult> runs = new ArrayList<>();
    for (double v : valAccuracies) {
      runs.add(flat(v, v - 0.01));
    }
    return new TrialRuns(name, Fixtures.CONFIG, runs, null, null);
  }

  @Test
  void clearRiseIsBetter() {
    StepComparison c =
        StepComparison.of(trial("a", 0.950, 0.951, 0.949), trial("b", 0.980, 0.981, 0.979));
    assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
    assertThat(c.valAccuracy().difference()).isCloseTo(0.03, within(1e-12));
    assertThat(c.testAccuracy().difference()).isCloseTo(0.03, within(1e-12));
    assertThat(c.before()).isEqualTo("a");
    assertThat(c.after()).isEqualTo("b");
  }

  @Test
  void clearDropIsWorse() {
    StepComparison c =
        StepComparison.of(trial("a", 0.980, 0.981, 0.979), trial("b", 0.950, 0.951, 0.949));
    assertThat(c.verdict()).isEqualTo(Verdict.WORSE);
  }

  @Test
  void overlappingRunsAreWithinNoise() {
    StepComparison c =
        StepComparison.of(trial("a", 0.957, 0.947, 0.952), trial("b", 0.950, 0.960, 0.945));
    assertThat(c.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    assertThat(c.valAccuracy().p()).isGreaterThan(0.05);
  }

  @Test
  void oneRepeatIsUnknown() {
    StepComparison c = StepComparison.of(trial("a", 0.9573), trial("b", 0.9473));
    assertThat(c.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(c.valAccuracy().difference()).isCloseTo(-0.01, within(1e-12));
  }

  @Test
  void listsChangedConfigFieldsButNotTheSeed() {
    TrialRuns a =
        new TrialRuns(
            "a", Fixtures.CONFIG.withRun(20, 16, 1e-4), List.of(flat(0.9, 0.9)), null, null);
    TrialRuns b =
        new TrialRuns(
            "b",
            Fixtures.CONFIG.withRun(20, 32, 1e-3).withSeed(7),
            List.of(flat(0.9, 0.9)),
            null,
            null);
    assertThat(StepComparison.of(a, b).changes())
        .containsExactly("batchSize: 16 -> 32", "lr: 0.0001 -> 0.001");
  }
}
