package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void validationChoiceDiffersFromTheReferencesTestChoice() {
    TrialRuns five =
        new TrialRuns(
            "trial 5",
            Fixtures.CONFIG,
            List.of(flat(0.981, 0.979), flat(0.983, 0.980)),
            0.9797,
            null);
    TrialRuns six =
        new TrialRuns(
            "trial 6",
            Fixtures.CONFIG,
            List.of(flat(0.985, 0.981), flat(0.987, 0.982)),
            null,
            null);
    TrialRuns seven =
        new TrialRuns(
            "trial 7",
            Fixtures.CONFIG,
            List.of(flat(0.982, 0.983), flat(0.984, 0.984)),
            0.9844,
            null);
    Selection s = Selection.of(List.of(five, six, seven));
    assertThat(s.byValidation()).isEqualTo("trial 6");
    assertThat(s.byValidationVal().mean()).isCloseTo(0.986, within(1e-12));
    assertThat(s.byValidationTest().mean()).isCloseTo(0.9815, within(1e-12));
    assertThat(s.byReference()).isEqualTo("trial 7");
    assertThat(s.referenceReported()).isEqualTo(0.9844);
    assertThat(s.byReferenceTest().mean()).isCloseTo(0.9835, within(1e-12));
    assertThat(s.differ()).isTrue();
  }

  @Test
  void samePickDoesNotDiffer() {
    TrialRuns a = new TrialRuns("a", Fixtures.CONFIG, List.of(flat(0.99, 0.98)), 0.98, null);
    TrialRuns b = new TrialRuns("b", Fixtures.CONFIG, List.of(flat(0.95, 0.95)), 0.95, null);
    Selection s = Selection.of(List.of(a, b));
    assertThat(s.byValidation()).isEqualTo("a");
    assertThat(s.byReference()).isEqualTo("a");
    assertThat(s.differ()).isFalse();
  }

  @Test
  void nothingReportedLeavesTheReferencePickEmpty() {
    Selection s = Selection.of(List.of(Fixtures.trial("a", flat(0.9, 0.9))));
    assertThat(s.byReference()).isNull();
    assertThat(s.referenceReported()).isNull();
    assertThat(s.byReferenceTest().n()).isZero();
    assertThat(s.differ()).isFalse();
  }

  @Test
  void tiesGoToTheEarlierTrial() {
    Selection s =
        Selection.of(
            List.of(Fixtures.trial("a", flat(0.9, 0.9)), Fixtures.trial("b", flat(0.9, 0.9))));
    assertThat(s.byValidation()).isEqualTo("a");
  }
}
