package dev.mnistlab.storage;

import static dev.mnistlab.storage.StorageFixtures.request;
import static dev.mnistlab.storage.StorageFixtures.requests;
import static dev.mnistlab.storage.StorageFixtures.result;
import static dev.mnistlab.storage.StorageFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Checks every behaviour {@link Storage} promises, against a real database. Each implementation's
 * test extends this and says how to reach a fresh, empty database ({@link StorageContractBase}).
 */
abstract class StorageContract extends StorageContractBase {
  @Test
  void createsAndFindsAStudy() {
    StudyRecord created = storage.createStudy(spec("lr-sweep"));

    assertThat(created.spec()).isEqualTo(spec("lr-sweep"));
    assertThat(created.createdAt()).isNotNull();
    assertThat(storage.findStudy("lr-sweep")).contains(created);
    assertThat(storage.findStudy("other")).isEmpty();
  }

  @Test
  void createStudyTwiceReturnsTheStoredStudy() {
    StudyRecord first = storage.createStudy(spec("s"));
    StudySpec changed = new StudySpec("s", "val_loss", Direction.MINIMIZE, "search", "{}", 7, null);

    StudyRecord second = open().createStudy(changed);

    assertThat(second).isEqualTo(first);
    assertThat(storage.studies()).hasSize(1);
  }

  @Test
  void listsStudiesOldestFirstWithZeroCounts() throws Exception {
    storage.createStudy(spec("b"));
    Thread.sleep(5);
    storage.createStudy(spec("a"));

    List<StudySummary> studies = storage.studies();

    assertThat(studies).extracting(s -> s.study().name()).containsExactly("b", "a");
    assertThat(studies.get(0).counts())
        .containsOnlyKeys(TrialState.values())
        .allSatisfy((state, count) -> assertThat(count).isZero());
    assertThat(studies.get(0).best()).isNaN();
  }

  @Test
  void deletesAStudyWithItsTrialsAndCurves() throws Exception {
    StudyRecord study = storage.createStudy(spec("gone"));
    storage.enqueue(study.id(), requests(2));
    TrialRecord trial = storage.claim(study.id(), REMOTE).orElseThrow();
    storage.finish(trial.id(), REMOTE, complete(trial, 0.9));
    StudyRecord kept = storage.createStudy(spec("kept"));
    storage.enqueue(kept.id(), requests(1));
    TrialRecord keptTrial = storage.claim(kept.id(), REMOTE).orElseThrow();
    storage.finish(keptTrial.id(), REMOTE, complete(keptTrial, 0.8));

    assertThat(storage.deleteStudy("gone")).isTrue();

    assertThat(storage.findStudy("gone")).isEmpty();
    assertThat(storage.trials(study.id(), true)).isEmpty();
    assertThat(storage.trials(kept.id(), true).get(0).steps()).hasSize(50);
    assertThat(count("SELECT COUNT(*) FROM trials")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM trial_epochs")).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM trial_steps")).isEqualTo(50);
    StudyRecord again = storage.createStudy(spec("gone"));
    assertThat(again.id()).isNotEqualTo(study.id());
    assertThat(storage.trials(again.id(), true)).isEmpty();
  }

  @Test
  void deleteStudyReturnsFalseWhenThereIsNone() {
    assertThat(storage.deleteStudy("never")).isFalse();
  }

  @Test
  void enqueueNumbersOnFromTheLastTrial() {
    StudyRecord study = storage.createStudy(spec("s"));

    List<TrialRecord> first = storage.enqueue(study.id(), requests(2));
    List<TrialRecord> more =
        open().enqueue(study.id(), List.of(request(5), request(6), request(7)));

    assertThat(first).extracting(TrialRecord::number).containsExactly(0, 1);
    assertThat(more).extracting(TrialRecord::number).containsExactly(2, 3, 4);
    TrialRecord t = more.get(0);
    assertThat(t.studyId()).isEqualTo(study.id());
    assertThat(t.label()).isEqualTo("trial 5");
    assertThat(t.params()).isEqualTo(request(5).params());
    assertThat(t.params().keySet()).containsExactly("lr", "batch_size", "model", "normalize");
    assertThat(t.config()).isEqualTo(request(5).config());
    assertThat(t.state()).isEqualTo(TrialState.WAITING);
    assertThat(t.attempts()).isZero();
    assertThat(t.queuedAt()).isNotNull();
    assertThat(t.startedAt()).isNull();
    assertThat(t.workerId()).isNull();
    assertThat(t.value()).isNaN();
    assertThat(storage.trials(study.id(), false)).hasSize(5);
  }

  @Test
  void enqueueIntoAMissingStudyIsRefused() {
    assertThatThrownBy(() -> storage.enqueue(999, requests(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no study with id 999 in storage " + storage.describe());
  }

  @Test
  void enqueueAtInsertsOnceAndReturnsTheFirstRequestToEveryCaller() {
    StudyRecord study = storage.createStudy(spec("s"));

    TrialRecord first = storage.enqueueAt(study.id(), 0, request(1));
    TrialRecord again = open().enqueueAt(study.id(), 0, request(2));
    TrialRecord next = storage.enqueueAt(study.id(), 1, request(3));

    assertThat(first.number()).isZero();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.label()).isEqualTo("trial 1");
    assertThat(next.number()).isEqualTo(1);
    assertThat(storage.trials(study.id(), false))
        .extracting(TrialRecord::label)
        .containsExactly("trial 1", "trial 3");
  }

  @Test
  void enqueueAtFromManyStoragesAtOnceStoresOneTrialPerNumber() throws Exception {
    StudyRecord study = storage.createStudy(spec("s"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> ids = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        Storage own = open();
        int worker = w;
        ids.add(
            pool.submit(
                () -> {
                  List<Long> seen = new ArrayList<>();
                  for (int n = 0; n < 10; n++) {
                    seen.add(own.enqueueAt(study.id(), n, request(100 * worker + n)).id());
                  }
                  return seen;
                }));
      }
      List<Long> firstSeen = ids.get(0).get();
      for (Future<List<Long>> f : ids) {
        assertThat(f.get()).isEqualTo(firstSeen);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(storage.trials(study.id(), false))
        .extracting(TrialRecord::number)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void redefineReplacesTheStoredDefinition() {
    StudyRecord study = storage.createStudy(spec("s"));

    storage.redefine(study.id(), "{\"space\":\"wider\"}");

    assertThat(open().findStudy("s").orElseThrow().spec().definition())
        .isEqualTo("{\"space\":\"wider\"}");
    assertThatThrownBy(() -> storage.redefine(999, "{}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no study with id 999 in storage " + storage.describe());
  }

  @Test
  void reportedEpochsAreReadWhileRunningAndReplacedByTheFinalCurve() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    storage.claim(study.id(), REMOTE);
    TrainResult result = result(trial.config(), 3, 30);

    assertThat(storage.reportEpoch(trial.id(), REMOTE, result.epochs().get(0))).isTrue();
    assertThat(storage.reportEpoch(trial.id(), OTHER, result.epochs().get(1))).isFalse();
    TrialRecord live = open().trialsWithEpochs(study.id()).get(0);
    assertThat(live.state()).isEqualTo(TrialState.RUNNING);
    assertThat(live.epochs()).containsExactly(result.epochs().get(0));
    assertThat(live.steps()).isEmpty();

    storage.finish(trial.id(), REMOTE, new TrialOutcome(TrialState.COMPLETE, null, 0.9, result));
    assertThat(storage.trialsWithEpochs(study.id()).get(0).epochs()).isEqualTo(result.epochs());
  }

  @Test
  void aNewAttemptStartsWithoutTheEpochsOfTheLastOne() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    storage.claim(study.id(), REMOTE);
    storage.reportEpoch(trial.id(), REMOTE, result(trial.config(), 1, 10).epochs().get(0));
    storage.release(trial.id(), REMOTE, "worker stopped");

    storage.claim(study.id(), OTHER);

    assertThat(storage.trialsWithEpochs(study.id()).get(0).epochs()).isEmpty();
  }

  @Test
  void claimsTheLowestNumberedWaitingTrial() {
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(3));

    TrialRecord first = storage.claim(study.id(), REMOTE).orElseThrow();
    TrialRecord second = open().claim(study.id(), OTHER).orElseThrow();

    assertThat(first.number()).isZero();
    assertThat(first.state()).isEqualTo(TrialState.RUNNING);
    assertThat(first.workerId()).isEqualTo(REMOTE);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.startedAt()).isNotNull();
    assertThat(first.heartbeatAt()).isEqualTo(first.startedAt());
    assertThat(second.number()).isEqualTo(1);
    assertThat(second.workerId()).isEqualTo(OTHER);
  }

  @Test
  void claimReturnsEmptyWhenNoneIsWaiting() {
    StudyRecord study = storage.createStudy(spec("s"));
    StudyRecord other = storage.createStudy(spec("other"));
    storage.enqueue(other.id(), requests(1));

    assertThat(storage.claim(study.id(), REMOTE)).isEmpty();
    storage.enqueue(study.id(), requests(1));
    assertThat(storage.claim(study.id(), REMOTE)).isPresent();
    assertThat(storage.claim(study.id(), REMOTE)).isEmpty();
  }

  @Test
  void finishStoresTheWholeResultAndReadsItBackExactly() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    storage.claim(study.id(), REMOTE);
    TrainResult result = result(trial.config(), 100, 35_000);

    boolean stored =
        storage.finish(
            trial.id(),
            REMOTE,
            new TrialOutcome(TrialState.COMPLETE, result.message(), 0.9781, result));

    assertThat(stored).isTrue();
    TrialRecord back = open().trials(study.id(), true).get(0);
    assertThat(back.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(back.finishedAt()).isNotNull();
    assertThat(back.value()).isEqualTo(0.9781);
    assertThat(back.steps()).hasSize(35_000);
    assertThat(back.steps().get(6).loss()).isNaN();
    assertThat(back.steps().get(10).loss()).isInfinite();
    assertThat(back.epochs().get(2).valLoss()).isNaN();
    assertThat(back.toResult()).isEqualTo(result);
  }

  @Test
  void keepsWhereAStudyKeepsModelsAndWhereEachFinishedTrialKeptItsOwn() {
    StudyRecord study = storage.createStudy(spec("kept"));
    storage.enqueue(study.id(), requests(2));
    TrialRecord first = storage.claim(study.id(), REMOTE).orElseThrow();
    TrialRecord second = storage.claim(study.id(), REMOTE).orElseThrow();

    assertThat(study.modelsDir()).isNull();
    storage.keepModels(study.id(), "/models/kept");
    storage.finish(first.id(), REMOTE, complete(first, 0.9).withModelDir("/models/kept/trial-0"));
    storage.finish(second.id(), REMOTE, complete(second, 0.8));

    assertThat(open().findStudy("kept").orElseThrow().modelsDir()).isEqualTo("/models/kept");
    assertThat(open().trials(study.id(), true))
        .extracting(TrialRecord::modelDir)
        .containsExactly("/models/kept/trial-0", null);
    assertThat(storage.trials(study.id(), false).get(0).modelDir())
        .isEqualTo("/models/kept/trial-0");
    storage.keepModels(study.id(), null);
    assertThat(storage.findStudy("kept").orElseThrow().modelsDir()).isNull();
  }

  @Test
  void keepModelsOfAMissingStudyIsRefused() {
    assertThatThrownBy(() -> storage.keepModels(12345, "/models"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no study with id 12345 in storage " + storage.describe());
  }

  @Test
  void trialsWithoutCurvesLeaveThemOut() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    storage.claim(study.id(), REMOTE);
    storage.finish(trial.id(), REMOTE, complete(trial, 0.5));

    TrialRecord back = storage.trials(study.id(), false).get(0);

    assertThat(back.epochs()).isEmpty();
    assertThat(back.steps()).isEmpty();
    assertThat(back.test().accuracy()).isEqualTo(0.9781);
    assertThat(back.provenance().cpu()).isEqualTo("Test CPU");
  }

  @Test
  void finishWithoutAResultStoresStateAndReason() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    storage.claim(study.id(), REMOTE);

    storage.finish(
        trial.id(),
        REMOTE,
        new TrialOutcome(TrialState.FAILED, "worker exited with code 137", Double.NaN, null));

    TrialRecord back = storage.trials(study.id(), true).get(0);
    assertThat(back.state()).isEqualTo(TrialState.FAILED);
    assertThat(back.reason()).isEqualTo("worker exited with code 137");
    assertThat(back.value()).isNaN();
    assertThat(back.seconds()).isNaN();
    assertThat(back.provenance()).isNull();
    assertThat(back.toResult()).isNull();
  }

  @Test
  void aWorkerThatDoesNotHoldTheTrialChangesNothing() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    TrialRecord claimed = storage.claim(study.id(), REMOTE).orElseThrow();

    assertThat(storage.heartbeat(trial.id(), OTHER)).isFalse();
    assertThat(storage.finish(trial.id(), OTHER, complete(trial, 0.5))).isFalse();
    assertThat(storage.release(trial.id(), OTHER, "stopping")).isFalse();

    assertThat(storage.trials(study.id(), true)).containsExactly(claimed);
  }

  @Test
  void aFinishedTrialCannotBeFinishedOrReleasedAgain() {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    storage.claim(study.id(), REMOTE);
    storage.finish(trial.id(), REMOTE, complete(trial, 0.5));
    TrialRecord finished = storage.trials(study.id(), true).get(0);

    assertThat(storage.finish(trial.id(), REMOTE, complete(trial, 0.7))).isFalse();
    assertThat(storage.release(trial.id(), REMOTE, "stopping")).isFalse();
    assertThat(storage.heartbeat(trial.id(), REMOTE)).isFalse();

    assertThat(storage.trials(study.id(), true)).containsExactly(finished);
  }

  @Test
  void heartbeatMovesTheHeartbeatForward() throws Exception {
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(1));
    TrialRecord claimed = storage.claim(study.id(), REMOTE).orElseThrow();
    Thread.sleep(20);

    assertThat(storage.heartbeat(claimed.id(), REMOTE)).isTrue();

    TrialRecord after = storage.trials(study.id(), false).get(0);
    assertThat(after.heartbeatAt()).isAfter(claimed.heartbeatAt());
    assertThat(after.startedAt()).isEqualTo(claimed.startedAt());
  }

  @Test
  void releaseQueuesTheTrialAgainWithoutCountingTheAttempt() {
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(2));
    TrialRecord claimed = storage.claim(study.id(), REMOTE).orElseThrow();

    assertThat(storage.release(claimed.id(), REMOTE, "worker stopped by the user")).isTrue();

    TrialRecord released = storage.trials(study.id(), false).get(0);
    assertThat(released.state()).isEqualTo(TrialState.WAITING);
    assertThat(released.attempts()).isZero();
    assertThat(released.reason()).isEqualTo("worker stopped by the user");
    assertThat(storage.claim(study.id(), OTHER).orElseThrow().id()).isEqualTo(claimed.id());
  }

  @Test
  void recoverLostQueuesAgainATrialWithoutAHeartbeatForLongerThanTheGrace() throws Exception {
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(2));
    TrialRecord lost = storage.claim(study.id(), REMOTE).orElseThrow();
    TrialRecord alive = storage.claim(study.id(), OTHER).orElseThrow();
    sql("UPDATE trials SET heartbeat_at = heartbeat_at - 63000 WHERE id = " + lost.id());

    List<TrialRecord> recovered = storage.recoverLost(study.id(), Duration.ofSeconds(60), 3);

    assertThat(recovered).hasSize(1);
    TrialRecord back = recovered.get(0);
    assertThat(back.id()).isEqualTo(lost.id());
    assertThat(back.state()).isEqualTo(TrialState.WAITING);
    assertThat(back.attempts()).isEqualTo(1);
    assertThat(back.reason())
        .isEqualTo(
            "worker " + REMOTE + " lost (no heartbeat for 63 s); queued again (attempt 1 of 3)");
    assertThat(storage.heartbeat(lost.id(), REMOTE)).isFalse();
    assertThat(storage.finish(lost.id(), REMOTE, complete(lost, 0.5))).isFalse();
    assertThat(storage.trials(study.id(), false).get(1)).isEqualTo(alive);
    TrialRecord again = storage.claim(study.id(), OTHER).orElseThrow();
    assertThat(again.id()).isEqualTo(lost.id());
    assertThat(again.attempts()).isEqualTo(2);
  }

  @Test
  void recoverLostKeepsTrialsWithinTheGrace() {
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(1));
    TrialRecord claimed = storage.claim(study.id(), REMOTE).orElseThrow();

    assertThat(storage.recoverLost(study.id(), Duration.ofSeconds(60), 3)).isEmpty();
    assertThat(storage.trials(study.id(), false)).containsExactly(claimed);
  }

  @Test
  void recoverLostQueuesAgainATrialWhoseLocalProcessHasEnded() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    String worker = new WorkerId(WorkerId.current().host(), ended.pid(), "cafe0001").toString();
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(2));
    TrialRecord lost = storage.claim(study.id(), worker).orElseThrow();
    String alive = WorkerId.current().toString();
    storage.claim(study.id(), alive);

    List<TrialRecord> recovered = storage.recoverLost(study.id(), Duration.ofHours(1), 3);

    assertThat(recovered).extracting(TrialRecord::id).containsExactly(lost.id());
    assertThat(recovered.get(0).reason())
        .isEqualTo(
            "worker "
                + worker
                + " lost (its process "
                + ended.pid()
                + " has ended); queued again (attempt 1 of 3)");
  }

  @Test
  void recoverLostFailsATrialOnceItUsedItsAttempts() throws Exception {
    StudyRecord study = storage.createStudy(spec("s"));
    TrialRecord trial = storage.enqueue(study.id(), requests(1)).get(0);
    for (int attempt = 1; attempt <= 2; attempt++) {
      storage.claim(study.id(), REMOTE).orElseThrow();
      sql("UPDATE trials SET heartbeat_at = heartbeat_at - 90000 WHERE id = " + trial.id());
      storage.recoverLost(study.id(), Duration.ofSeconds(60), 2);
    }

    TrialRecord failed = storage.trials(study.id(), false).get(0);
    assertThat(failed.state()).isEqualTo(TrialState.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.finishedAt()).isNotNull();
    assertThat(failed.reason())
        .isEqualTo(
            "worker " + REMOTE + " lost (no heartbeat for 90 s); failed after 2 of 2 attempts");
    assertThat(storage.claim(study.id(), REMOTE)).isEmpty();
  }

  @Test
  void recoverLostRefusesRulesBroken() {
    assertThatThrownBy(() -> storage.recoverLost(1, Duration.ofSeconds(60), 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("max attempts must be >= 1, got 0");
  }

  @Test
  void summariesCountEveryStateAndTakeTheBestInTheStudysDirection() {
    StudyRecord max = storage.createStudy(spec("max", Direction.MAXIMIZE));
    StudyRecord min = storage.createStudy(spec("min", Direction.MINIMIZE));
    for (StudyRecord study : List.of(max, min)) {
      storage.enqueue(study.id(), requests(6));
      finishNext(study, TrialState.COMPLETE, 0.3);
      finishNext(study, TrialState.COMPLETE, 0.7);
      finishNext(study, TrialState.COMPLETE, Double.NaN);
      finishNext(study, TrialState.PRUNED, 0.99);
      finishNext(study, TrialState.DIVERGED, 0.01);
      storage.claim(study.id(), REMOTE);
    }

    List<StudySummary> summaries = storage.studies();

    StudySummary maxSummary = summaries.get(0);
    assertThat(maxSummary.best()).isEqualTo(0.7);
    assertThat(summaries.get(1).best()).isEqualTo(0.3);
    assertThat(maxSummary.counts())
        .containsEntry(TrialState.COMPLETE, 3)
        .containsEntry(TrialState.PRUNED, 1)
        .containsEntry(TrialState.DIVERGED, 1)
        .containsEntry(TrialState.RUNNING, 1)
        .containsEntry(TrialState.WAITING, 0)
        .containsEntry(TrialState.FAILED, 0);
    assertThat(maxSummary.total()).isEqualTo(6);
  }

  @Test
  void fourStoragesClaimingAtOnceTakeEveryTrialExactlyOnce() throws Exception {
    StudyRecord study = storage.createStudy(spec("s"));
    Set<Long> queued = new TreeSet<>();
    storage.enqueue(study.id(), requests(200)).forEach(t -> queued.add(t.id()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<Long>>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Storage own = open();
      String worker = "host:" + w + ":worker" + w;
      Callable<List<Long>> work =
          () -> {
            List<Long> claimed = new ArrayList<>();
            for (TrialRecord t; (t = own.claim(study.id(), worker).orElse(null)) != null; ) {
              claimed.add(t.id());
              assertThat(own.heartbeat(t.id(), worker)).isTrue();
              assertThat(
                      own.finish(
                          t.id(), worker, new TrialOutcome(TrialState.COMPLETE, null, 0.5, null)))
                  .isTrue();
            }
            return claimed;
          };
      workers.add(pool.submit(work));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : workers) {
      all.addAll(f.get()); // rethrows any worker's exception, "database is locked" included
    }
    pool.shutdown();

    assertThat(all).hasSize(200).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(all)).isEqualTo(queued);
    assertThat(storage.studies().get(0).counts()).containsEntry(TrialState.COMPLETE, 200);
  }

  @Test
  void threadsSharingOneStorageTakeEveryTrialExactlyOnce() throws Exception {
    StudyRecord study = storage.createStudy(spec("s"));
    storage.enqueue(study.id(), requests(40));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<List<Long>>> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      String worker = "host:" + w + ":thread" + w;
      workers.add(
          pool.submit(
              () -> {
                List<Long> claimed = new ArrayList<>();
                for (TrialRecord t;
                    (t = storage.claim(study.id(), worker).orElse(null)) != null; ) {
                  claimed.add(t.id());
                  storage.trials(study.id(), false);
                }
                return claimed;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : workers) {
      all.addAll(f.get());
    }
    pool.shutdown();

    assertThat(all).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void fourStoragesOpeningAFreshDatabaseAtOnceAllSucceed() throws Exception {
    storage.close();
    String fresh = freshUrl();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<StudyRecord>> opens = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      opens.add(
          pool.submit(
              () -> {
                try (Storage s = Storages.open(fresh, java.util.Map.of())) {
                  return s.createStudy(spec("shared"));
                }
              }));
    }
    Set<StudyRecord> created = new java.util.HashSet<>();
    for (Future<StudyRecord> f : opens) {
      created.add(f.get());
    }
    pool.shutdown();

    assertThat(created).hasSize(1);
  }

  @Test
  void aSchemaNewerThanThisProgramIsRefused() throws Exception {
    storage.close();
    sql("INSERT INTO schema_version (version, applied_at) VALUES (7, 0)");

    assertThatThrownBy(this::open)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "storage "
                + storage.describe()
                + " has schema version 7, newer than this"
                + " mnist-lab understands ("
                + Schema.latest()
                + "); use a newer mnist-lab");
  }
}
