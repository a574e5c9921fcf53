package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.analysis.TrialRuns;
import dev.mnistlab.model.ModelSpec;
import dev.mnistlab.storage.Direction;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.StudySpec;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredStudyTest {
  private static final TrainConfig SMALL =
      TrainConfig.defaults().withModel("linear(8),relu,linear(10)").withSeed(1);
  private static final TrainConfig BIG = TrainConfig.defaults().withSeed(1);
  private static final StudyDefinition STUDY =
      new StudyDefinition(
          "demo",
          "two trials",
          2,
          List.of(
              new TrialDefinition("small", SMALL, null, null, null),
              new TrialDefinition("big", BIG, 0.98, null, null)),
          false);
  private static final double[] CURVE = {0.3, 0.2};
  private static final double[] ACC = {0.9, 0.95};

  @Test
  void queuesEveryRunLongestFirstWhenNothingIsStored() {
    List<TrialRequest> missing = StoredStudy.missing(STUDY, List.of());

    assertThat(missing)
        .extracting(t -> t.label() + "/" + t.config().seed())
        .containsExactly("big/1", "big/2", "small/1", "small/2");
    assertThat(missing.get(0).params()).containsEntry("trial", "big").containsEntry("seed", 1L);
  }

  @Test
  void queuesOnlyWhatIsMissingOrFailed() {
    List<TrialRecord> stored =
        List.of(
            StoredTrials.finished(0, "big", TrialState.COMPLETE, BIG, CURVE, ACC, 0.97),
            StoredTrials.waiting(1, "big", BIG.withSeed(2)),
            StoredTrials.finished(
                2, "small", TrialState.FAILED, SMALL, new double[0], new double[0], Double.NaN),
            StoredTrials.finished(
                3, "small", TrialState.DIVERGED, SMALL.withSeed(2), CURVE, ACC, 0.1));

    assertThat(StoredStudy.missing(STUDY, stored))
        .extracting(t -> t.label() + "/" + t.config().seed())
        .containsExactly("small/1");
  }

  @Test
  void queuesATrialAgainWhenItsSettingsChanged() {
    List<TrialRecord> stored =
        List.of(
            StoredTrials.finished(
                0, "small", TrialState.COMPLETE, SMALL.withRun(5, 100, 1e-3), CURVE, ACC, 0.9));

    assertThat(StoredStudy.missing(STUDY.withRepeats(1), stored))
        .extracting(TrialRequest::label)
        .containsExactly("big", "small");
  }

  @Test
  void groupsFinishedRunsByTrialInSeedOrder() {
    List<TrialRecord> stored =
        List.of(
            StoredTrials.finished(0, "big", TrialState.COMPLETE, BIG.withSeed(2), CURVE, ACC, 0.97),
            StoredTrials.finished(1, "big", TrialState.COMPLETE, BIG, CURVE, ACC, 0.98),
            StoredTrials.finished(
                2, "small", TrialState.FAILED, SMALL, new double[0], new double[0], Double.NaN),
            StoredTrials.finished(
                3, "small", TrialState.COMPLETE, SMALL.withRun(9, 100, 1e-3), CURVE, ACC, 0.5));

    List<TrialRuns> runs = StoredStudy.runs(STUDY, stored);

    assertThat(runs).extracting(TrialRuns::name).containsExactly("small", "big");
    assertThat(runs.get(0).runs()).isEmpty();
    assertThat(runs.get(1).runs()).extracting(r -> r.test().accuracy()).containsExactly(0.98, 0.97);
    assertThat(runs.get(1).reportedAccuracy()).isEqualTo(0.98);
  }

  @Test
  void reportsAsManyRepeatsAsTheStoredRunsCover() {
    List<TrialRecord> stored =
        List.of(
            StoredTrials.finished(0, "big", TrialState.COMPLETE, BIG, CURVE, ACC, 0.97),
            StoredTrials.finished(1, "big", TrialState.COMPLETE, BIG.withSeed(2), CURVE, ACC, 0.97),
            StoredTrials.finished(
                2, "big", TrialState.COMPLETE, BIG.withSeed(3), CURVE, ACC, 0.97));

    assertThat(StoredStudy.asRun(STUDY, stored).repeats()).isEqualTo(3);
    assertThat(StoredStudy.asRun(STUDY, List.of())).isSameAs(STUDY);
  }

  @Test
  void readsBackTheDefinitionItStored() {
    StudySpec spec = StoredStudy.spec(STUDY);
    StudyRecord record = new StudyRecord(1, spec, Instant.now());

    assertThat(spec.objective()).isEqualTo("val_accuracy");
    assertThat(spec.direction()).isEqualTo(Direction.MAXIMIZE);
    assertThat(StoredStudy.definition(record)).isEqualTo(STUDY);
  }

  @Test
  void readsBackAQuickStudyWithItsImageLimit() {
    StudyDefinition quick =
        new StudyDefinition("demo", "", 2, STUDY.trials(), false, 2000).toQuick();
    StudyRecord record = new StudyRecord(1, StoredStudy.spec(quick), Instant.now());

    assertThat(StoredStudy.definition(record)).isEqualTo(quick);
    assertThat(StoredStudy.definition(record).quickTrainLimit()).isEqualTo(2000);
  }

  @Test
  void readsADefinitionStoredBeforeQuickImageLimitsAsHavingNone() {
    String json =
        StoredStudy.spec(STUDY).definition().replaceAll(",\\s*\"quick_train_limit\" : 0", "");
    assertThat(json).doesNotContain("quick_train_limit");
    StudySpec old =
        new StudySpec("demo", "val_accuracy", Direction.MAXIMIZE, "study", json, 1, null);

    assertThat(StoredStudy.definition(new StudyRecord(1, old, Instant.now()))).isEqualTo(STUDY);
  }

  @Test
  void refusesToReadAStudyOfAnotherKind() {
    StudyRecord search =
        new StudyRecord(
            1,
            new StudySpec("s", "val_accuracy", Direction.MAXIMIZE, "search", "{}", 1, null),
            Instant.now());

    assertThatThrownBy(() -> StoredStudy.definition(search))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "study 's' is a search, not a study of trials; 'study report' shows those" + " only");
  }

  @Test
  void estimatesWiderNetworksAsLonger() {
    assertThat(StoredStudy.cost(BIG)).isGreaterThan(StoredStudy.cost(SMALL));
  }

  @Test
  void estimatesAConvolutionByItsWorkNotItsParameters() {
    // 320 parameters, but 32 * 9 multiply-adds at each of 26x26 positions: far more work per
    // image than the 784-8-10 network's 6,352.
    TrainConfig conv = SMALL.withModel("conv2d(32,3),relu,maxpool(2),flatten,linear(10)");
    TrainConfig wide = SMALL.withModel("linear(80),relu,linear(10)");

    assertThat(ModelSpec.parse(conv.model()).parameterCount())
        .isLessThan(ModelSpec.parse(wide.model()).parameterCount());
    assertThat(StoredStudy.cost(conv)).isGreaterThan(StoredStudy.cost(wide));
  }
}
