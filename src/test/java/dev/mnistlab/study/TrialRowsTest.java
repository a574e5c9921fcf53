package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialRowsTest {
  private static final TrainConfig CONFIG = TrainConfig.defaults().withSeed(3);

  private final TrialRecord done =
      StoredTrials.finished(
          0,
          "trial 7",
          TrialState.COMPLETE,
          CONFIG,
          new double[] {0.30, 0.20, 0.25},
          new double[] {0.95, 0.97, 0.96},
          0.975);
  private final TrialRecord queued = StoredTrials.waiting(1, "trial 7", CONFIG.withSeed(4));

  @Test
  void givesEachTrialItsParametersSettingsAndResults() {
    List<Map<String, Object>> rows = TrialRows.perTrial(StoredTrials.STUDY, List.of(done));

    Map<String, Object> row = rows.get(0);
    assertThat(row)
        .containsEntry("study", "demo")
        .containsEntry("number", 0)
        .containsEntry("label", "trial 7")
        .containsEntry("state", "COMPLETE")
        .containsEntry("seed", 3L)
        .containsEntry("param_trial", "trial 7")
        .containsEntry("model", TrainConfig.DEFAULT_MODEL)
        .containsEntry("batch_size", 100)
        .containsEntry("optimizer", "adam")
        .containsEntry("epochs_done", 3)
        .containsEntry("final_val_accuracy", 0.96)
        .containsEntry("final_val_loss", 0.25)
        .containsEntry("best_epoch", 2)
        .containsEntry("value", 0.96)
        .containsEntry("test_accuracy", 0.975)
        .containsEntry("diverged_at_step", null)
        .containsEntry("started_at", "2026-11-27T10:01:00Z");
    assertThat(row).doesNotContainKey("threads_seed");
  }

  @Test
  void leavesWhatAWaitingTrialDoesNotHaveEmpty() {
    Map<String, Object> row = TrialRows.perTrial(StoredTrials.STUDY, List.of(queued)).get(0);

    assertThat(row)
        .containsEntry("state", "WAITING")
        .containsEntry("epochs_done", 0)
        .containsEntry("final_val_accuracy", null)
        .containsEntry("value", null)
        .containsEntry("test_accuracy", null)
        .containsEntry("best_epoch", null)
        .containsEntry("started_at", null);
  }

  @Test
  void showsNoResultsOfAnAttemptThatWasStoppedAndQueuedAgain() {
    TrialRecord stopped =
        StoredTrials.finished(
            2,
            "trial 7",
            TrialState.WAITING,
            CONFIG.withSeed(5),
            new double[] {0.30, 0.20},
            new double[] {0.91, 0.92},
            0.93);

    Map<String, Object> row = TrialRows.perTrial(StoredTrials.STUDY, List.of(stopped)).get(0);

    assertThat(row)
        .containsEntry("state", "WAITING")
        .containsEntry("epochs_done", 0)
        .containsEntry("final_val_accuracy", null)
        .containsEntry("final_val_loss", null)
        .containsEntry("best_epoch", null)
        .containsEntry("value", null)
        .containsEntry("test_accuracy", null)
        .containsEntry("seconds", null);
    assertThat(TrialRows.perEpoch(StoredTrials.STUDY, List.of(stopped))).isEmpty();
  }

  @Test
  void givesARowPerEpochOfEveryTrial() {
    List<Map<String, Object>> rows = TrialRows.perEpoch(StoredTrials.STUDY, List.of(done, queued));

    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(r -> r.get("epoch")).containsExactly(1, 2, 3);
    assertThat(rows.get(1))
        .containsEntry("val_loss", 0.20)
        .containsEntry("val_accuracy", 0.97)
        .containsEntry("number", 0)
        .containsEntry("seed", 3L);
  }

  @Test
  void listsColumnsInFirstSeenOrder() {
    List<String> columns =
        TrialRows.columns(List.of(Map.of("a", 1), new java.util.LinkedHashMap<>(Map.of("a", 2))));

    assertThat(columns).containsExactly("a");
    assertThat(TrialRows.columns(TrialRows.perTrial(StoredTrials.STUDY, List.of(done))))
        .startsWith("study", "number", "label", "state", "seed", "param_trial");
  }

  @Test
  void picksTheEpochWithTheLowestValidationLoss() {
    assertThat(TrialRows.bestEpoch(done.epochs())).isEqualTo(2);
    assertThat(TrialRows.bestEpoch(List.of())).isNull();
  }
}
