package dev.mnistlab.analysis;

import static dev.mnistlab.analysis.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyAnalysisTest {

  @Test
  void analysesEveryTrialAndEachConsecutiveStep() {
    TrialRuns one =
        new TrialRuns(
            "trial 1",
            Fixtures.CONFIG.withRun(20, 16, 1e-4),
            List.of(flat(0.957, 0.957)),
            0.9573,
            1.46425);
    TrialRuns two =
        new TrialRuns(
            "trial 2",
            Fixtures.CONFIG.withRun(20, 32, 1e-4),
            List.of(flat(0.947, 0.947)),
            0.9473,
            1.4803);
    TrialRuns three =
        new TrialRuns(
            "trial 3",
            Fixtures.CONFIG.withRun(50, 32, 1e-4),
            List.of(flat(0.968, 0.968), flat(0.966, 0.966)),
            0.9679,
            1.4684);
    StudyAnalysis a = StudyAnalysis.of(List.of(one, two, three));
    assertThat(a.summaries())
        .extracting(TrialSummary::name)
        .containsExactly("trial 1", "trial 2", "trial 3");
    assertThat(a.comparisons()).hasSize(2);
    assertThat(a.comparisons().get(0).changes()).containsExactly("batchSize: 16 -> 32");
    assertThat(a.comparisons().get(0).verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(a.comparisons().get(1).after()).isEqualTo("trial 3");
    assertThat(a.diagnoses())
        .extracting(Diagnoses::trial)
        .containsExactly("trial 1", "trial 2", "trial 3");
    assertThat(a.curves())
        .extracting(LearningCurves::trial)
        .containsExactly("trial 1", "trial 2", "trial 3");
    assertThat(a.selection().byValidation()).isEqualTo("trial 3");
    assertThat(a.selection().byReference()).isEqualTo("trial 3");
  }

  @Test
  void emptyStudyHasNothingToCompare() {
    StudyAnalysis a = StudyAnalysis.of(List.of());
    assertThat(a.summaries()).isEmpty();
    assertThat(a.comparisons()).isEmpty();
    assertThat(a.selection().byValidation()).isNull();
  }
}
