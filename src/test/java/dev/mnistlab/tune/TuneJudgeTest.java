package dev.mnistlab.tune;

import static dev.mnistlab.tune.TuneFixtures.epoch;
import static dev.mnistlab.tune.TuneFixtures.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.search.Curve;
import dev.mnistlab.search.Pruner;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.worker.Objective;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TuneJudgeTest {
  @TempDir Path tmp;
  private Storage storage;
  private StudyRecord study;

  @BeforeEach
  void open() {
    storage = Storages.open("sqlite:" + tmp.resolve("s.db"));
    study = TuneFixtures.study(storage, TuneFixtures.definition(10, 2));
    for (int n = 0; n < 4; n++) {
      storage.enqueueAt(
          study.id(),
          n,
          new dev.mnistlab.storage.TrialRequest(
              "trial " + n,
              TuneFixtures.point(n),
              TuneFixtures.definition(10, 2).base().withRun(3, 100, 0.01)));
    }
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private TrialRecord claim() {
    return storage.claim(study.id(), "w").orElseThrow();
  }

  @Test
  void storesEachEpochAndStopsWhenThePrunerSaysWithAReason() throws Exception {
    TrialRecord trial = claim();
    Pruner secondEpoch = (n, curve, others) -> curve.size() == 2;
    TuneJudge judge = new TuneJudge(storage, trial, secondEpoch, "test", Objective.VAL_ACCURACY, 2);

    assertThat(judge.afterEpoch(epoch(1, 0.5))).isNull();
    assertThat(storage.trialsWithEpochs(study.id()).get(0).epochs()).hasSize(1);
    assertThat(judge.afterEpoch(epoch(2, 0.6)))
        .isEqualTo("test pruner, val_accuracy 0.6000 against 0 earlier trial(s)");
  }

  @Test
  void comparesOnlyWithTrialsUpToNMinusLagAndOnlyAsFarAsTheSameEpoch() throws Exception {
    finish(storage, study, TrialState.COMPLETE, 0.7, 0.8, 0.9);
    finish(storage, study, TrialState.PRUNED, 0.4);
    TrialRecord two = claim();
    storage.reportEpoch(two.id(), "w", epoch(1, 0.99));
    storage.reportEpoch(two.id(), "w", epoch(2, 0.99));
    TrialRecord three = claim();
    AtomicReference<List<Curve>> seen = new AtomicReference<>();
    Pruner recording =
        (n, curve, others) -> {
          seen.set(others);
          return false;
        };
    TuneJudge judge = new TuneJudge(storage, three, recording, "test", Objective.VAL_ACCURACY, 2);

    judge.afterEpoch(epoch(1, 0.6));
    judge.afterEpoch(epoch(2, 0.7));

    assertThat(seen.get())
        .containsExactly(new Curve(0, List.of(0.7, 0.8), true), new Curve(1, List.of(0.4), false));
  }

  @Test
  @Timeout(20)
  void waitsForARunningEarlierTrialToReachTheEpoch() throws Exception {
    TrialRecord zero = claim();
    storage.reportEpoch(zero.id(), "w", epoch(1, 0.5));
    claim();
    TrialRecord two = claim();
    AtomicReference<List<Curve>> seen = new AtomicReference<>();
    TuneJudge judge =
        new TuneJudge(
            storage,
            two,
            (n, curve, others) -> {
              seen.set(others);
              return false;
            },
            "test",
            Objective.VAL_ACCURACY,
            2);
    judge.afterEpoch(epoch(1, 0.6));

    CompletableFuture<String> second = afterEpochAsync(judge, epoch(2, 0.7));
    Thread.sleep(600);
    assertThat(second).as("trial 0 has not reached epoch 2").isNotDone();
    storage.reportEpoch(zero.id(), "w", epoch(2, 0.55));

    assertThat(second.get(10, TimeUnit.SECONDS)).isNull();
    assertThat(seen.get()).containsExactly(new Curve(0, List.of(0.5, 0.55), false));
  }

  @Test
  @Timeout(20)
  void waitsForARunningEarlierTrialToFinishWhenThePrunerReadsOutcomes() throws Exception {
    TrialRecord zero = claim();
    storage.reportEpoch(zero.id(), "w", epoch(1, 0.5));
    storage.reportEpoch(zero.id(), "w", epoch(2, 0.6));
    claim();
    TrialRecord two = claim();
    AtomicReference<List<Curve>> seen = new AtomicReference<>();
    Pruner readsOutcomes =
        new Pruner() {
          @Override
          public boolean prune(int number, List<Double> curve, List<Curve> others) {
            seen.set(others);
            return false;
          }

          @Override
          public boolean readsOutcomes() {
            return true;
          }
        };
    TuneJudge judge = new TuneJudge(storage, two, readsOutcomes, "test", Objective.VAL_ACCURACY, 2);

    CompletableFuture<String> first = afterEpochAsync(judge, epoch(1, 0.7));
    Thread.sleep(600);
    assertThat(first).as("trial 0 reached epoch 1 but is still running").isNotDone();
    storage.reportEpoch(zero.id(), "w", epoch(3, 0.65));
    storage.finish(zero.id(), "w", new TrialOutcome(TrialState.COMPLETE, null, 0.65, null));

    assertThat(first.get(10, TimeUnit.SECONDS)).isNull();
    assertThat(seen.get()).containsExactly(new Curve(0, List.of(0.5), true));
  }

  /** Reports {@code metrics} to {@code judge} on another thread, which may have to wait. */
  private static CompletableFuture<String> afterEpochAsync(TuneJudge judge, EpochMetrics metrics) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return judge.afterEpoch(metrics);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void neverAsksThePrunerAfterTheLastEpoch() throws Exception {
    TrialRecord trial = claim();
    TuneJudge judge =
        new TuneJudge(
            storage, trial, (n, curve, others) -> true, "test", Objective.VAL_ACCURACY, 2);

    judge.afterEpoch(epoch(1, 0.5));
    judge.afterEpoch(epoch(2, 0.5));
    assertThat(judge.afterEpoch(epoch(3, 0.5))).isNull();
  }
}
