package dev.mnistlab.tune;

import static dev.mnistlab.tune.TuneFixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.worker.Objective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneConfirmationsTest {
  @TempDir Path tmp;
  private Storage storage;
  private StudyRecord search;

  @BeforeEach
  void open() {
    storage = Storages.open("sqlite:" + tmp.resolve("s.db"));
    search = TuneFixtures.study(storage, definition(10, 2));
    TrainConfig base = definition(10, 2).base();
    double[] values = {0.95, 0.97, 0.96};
    List<TrialRequest> requests = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      requests.add(
          new TrialRequest(
              "t" + i, Map.of("lr", 0.01 * (i + 1)), base.withRun(3, 64, 0.01 * (i + 1))));
    }
    storage.enqueue(search.id(), requests);
    for (double v : values) {
      TuneFixtures.finish(storage, search, TrialState.COMPLETE, v - 0.01, v);
    }
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private List<TrialRecord> ranked() {
    return TuneReport.ranked(search.spec().direction(), storage.trials(search.id(), false));
  }

  @Test
  void asksForTheTopKWithSNewSeedsEachAndNothingElseChanged() {
    List<TrialRecord> ranked = ranked();
    List<TrialRequest> requests = TuneConfirmations.requests(ranked, new ConfirmPlan(2, 3));

    assertThat(requests).hasSize(6);
    assertThat(requests.get(0).config()).isEqualTo(ranked.get(0).config().withSeed(8));
    assertThat(requests)
        .extracting(r -> r.config().seed())
        .containsExactly(8L, 9L, 10L, 8L, 9L, 10L)
        .doesNotContain(search.spec().seed());
    assertThat(requests.get(3).params()).containsEntry("search_trial", ranked.get(1).number());
    assertThat(requests.get(3).label()).isEqualTo("trial 2, seed 8");
  }

  @Test
  void queuesOnlyTheRunsItDoesNotHoldYet() {
    StudyRecord study = TuneConfirmations.open(storage, search, new ConfirmPlan(2, 2));
    assertThat(study.name()).isEqualTo("search-confirm");
    assertThat(study.spec().kind()).isEqualTo(TuneConfirmations.KIND);

    assertThat(queue(study, new ConfirmPlan(2, 2))).isEqualTo(4);
    assertThat(queue(study, new ConfirmPlan(2, 2))).isZero();
    // One more seed each, and a third configuration with all three.
    assertThat(queue(study, new ConfirmPlan(3, 3))).isEqualTo(5);
    List<TrialRecord> stored = storage.trials(study.id(), false);
    assertThat(stored).hasSize(9);
    assertThat(stored).extracting(TrialRecord::number).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
  }

  private int queue(StudyRecord study, ConfirmPlan plan) {
    return TuneConfirmations.queueMissing(
        storage, study, TuneConfirmations.requests(ranked(), plan));
  }

  @Test
  void aStoppedConfirmationKeepsItsFinishedRunsAndTheReportShowsThem() {
    ConfirmPlan plan = new ConfirmPlan(2, 2);
    StudyRecord study = TuneConfirmations.open(storage, search, plan);
    queue(study, plan);
    finishNext(study, 0.965);
    finishNext(study, 0.975);
    TrialRecord lost = storage.claim(study.id(), "w").orElseThrow();
    storage.release(lost.id(), "w", "worker stopped");

    TuneReport report = TuneConfirmations.report(storage, search, definition(10, 2));

    TuneConfirmation c = report.confirmation();
    assertThat(c.plan()).isEqualTo(plan);
    assertThat(c.runsFinished()).isEqualTo(2);
    assertThat(c.complete()).isFalse();
    assertThat(c.best().trial().number()).isEqualTo(ranked().get(0).number());
    assertThat(queue(study, plan)).as("the released run is still queued").isZero();
  }

  private void finishNext(StudyRecord study, double value) {
    TrialRecord t = storage.claim(study.id(), "w").orElseThrow();
    storage.finish(t.id(), "w", new TrialOutcome(TrialState.COMPLETE, null, value, null));
  }

  @Test
  void storesTheLastPlanForReports() {
    TuneConfirmations.open(storage, search, new ConfirmPlan(2, 2));
    TuneConfirmations.open(storage, search, new ConfirmPlan(3, 4));

    assertThat(TuneConfirmations.report(storage, search, definition(10, 2)).confirmation().plan())
        .isEqualTo(new ConfirmPlan(3, 4));
  }

  @Test
  void aSearchNeverConfirmedHasNoConfirmation() {
    assertThat(TuneConfirmations.report(storage, search, definition(10, 2)).confirmation())
        .isNull();
  }

  @Test
  void refusesAStudyOfAnotherKindUnderTheConfirmationsName() {
    storage.createStudy(definition(10, 2).spec("search-confirm", Objective.VAL_ACCURACY));

    assertThatThrownBy(() -> TuneConfirmations.open(storage, search, new ConfirmPlan(2, 2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--confirm: study 'search-confirm' exists and is a search, not the confirmation of"
                + " search 'search'; rename one of them");
    assertThat(TuneConfirmations.report(storage, search, definition(10, 2)).confirmation())
        .isNull();
  }

  @Test
  void findsTheSearchOfAConfirmation() {
    StudyRecord study = TuneConfirmations.open(storage, search, new ConfirmPlan(1, 2));

    assertThat(TuneConfirmations.search(storage, study).id()).isEqualTo(search.id());
    storage.deleteStudy("search");
    assertThatThrownBy(() -> TuneConfirmations.search(storage, study))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("study 'search-confirm' confirms search 'search', which is not in");
  }
}
