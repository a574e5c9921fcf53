package dev.mnistlab.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.output.SmallDisk;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.study.TrialFixtures;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.Evaluation;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.StepLoss;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs workers in this JVM on a real SQLite file, with executors that train nothing. */
@Timeout(60)
class WorkerTest {
  private static final Worker.Options FAST =
      new Worker.Options(1, Duration.ofMillis(50), Duration.ofMillis(400), 3);

  @TempDir Path tmp;
  private Storage storage;
  private StudyRecord study;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void openStorage() {
    storage = Storages.open("sqlite:" + tmp.resolve("studies.db"));
    study = TrialFixtures.study(storage, "s");
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  /** Returns an outcome whose value is the trial's number, after {@code millis}. */
  private static TrialExecutor completing(long millis) {
    return (trial, objective) -> {
      Thread.sleep(millis);
      return new TrialOutcome(TrialState.COMPLETE, null, trial.number(), null);
    };
  }

  private Worker worker(TrialExecutor executor, Worker.Options options) {
    return new Worker(storage, study, executor, options, log::add);
  }

  private List<TrialRecord> trials() {
    return storage.trials(study.id(), false);
  }

  private List<String> logged(String prefix) {
    synchronized (log) {
      return log.stream().filter(line -> line.startsWith(prefix)).toList();
    }
  }

  @Test
  void runsEveryQueuedTrialOnceAndReturnsWhenNoneIsLeft() throws InterruptedException {
    TrialFixtures.enqueue(storage, study, 12, TrialFixtures.tiny());
    AtomicInteger runs = new AtomicInteger();
    TrialExecutor counting =
        (trial, objective) -> {
          runs.incrementAndGet();
          return completing(5).run(trial, objective);
        };

    Worker.Summary summary =
        worker(counting, new Worker.Options(3, Duration.ofMillis(50), Duration.ofSeconds(5), 3))
            .run();

    assertThat(runs).hasValue(12);
    assertThat(trials())
        .allSatisfy(
            t -> {
              assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
              assertThat(t.attempts()).isEqualTo(1);
              assertThat(t.value()).isEqualTo(t.number());
            });
    assertThat(summary.finished()).containsEntry(TrialState.COMPLETE, 12);
    assertThat(summary.finishedCount()).isEqualTo(12);
    assertThat(summary.stopped()).isFalse();
    assertThat(summary.storageSeconds()).isPositive();
    assertThat(summary.trialSeconds()).isGreaterThanOrEqualTo(12 * 0.005);
    assertThat(logged("claimed trial ")).hasSize(12);
    assertThat(logged("finished trial "))
        .hasSize(12)
        .allMatch(line -> line.contains(": COMPLETE, val_accuracy ") && line.contains(" ms"));
  }

  @Test
  void returnsAtOnceForAStudyWithNothingQueued() throws InterruptedException {
    Worker.Summary summary = worker(completing(0), FAST).run();

    assertThat(summary.finishedCount()).isZero();
    assertThat(summary.storageShare()).isNaN();
  }

  @Test
  void stopQueuesTheRunningTrialsAgainAndReturnsPromptly() throws Exception {
    TrialFixtures.enqueue(storage, study, 3, TrialFixtures.tiny());
    CountDownLatch running = new CountDownLatch(2);
    Worker worker =
        worker(
            (trial, objective) -> {
              running.countDown();
              Thread.sleep(60_000);
              throw new AssertionError("not cancelled");
            },
            new Worker.Options(2, Duration.ofMillis(50), Duration.ofSeconds(5), 3));
    Thread stopper =
        new Thread(
            () -> {
              try {
                running.await();
                worker.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    stopper.start();

    long start = System.nanoTime();
    Worker.Summary summary = worker.run();

    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(worker.awaitEnd(Duration.ZERO)).isTrue();
    assertThat(summary.stopped()).isTrue();
    assertThat(summary.released()).isEqualTo(2);
    assertThat(trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.WAITING));
    assertThat(trials()).filteredOn(t -> "worker stopped".equals(t.reason())).hasSize(2);
    assertThat(logged("released trial ")).hasSize(2);
  }

  @Test
  void queuesAgainRatherThanFailsATrialWhoseRunDiedAsTheWorkerStopped() throws Exception {
    TrialFixtures.enqueue(storage, study, 1, TrialFixtures.tiny());
    CountDownLatch running = new CountDownLatch(1);
    Worker worker =
        worker(
            (trial, objective) -> {
              running.countDown();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                // As a training process killed by the terminal's SIGINT ends: failed, no result.
                return new TrialOutcome(
                    TrialState.FAILED, "training process exited with code 130", Double.NaN, null);
              }
              throw new AssertionError("not cancelled");
            },
            FAST);
    Thread stopper =
        new Thread(
            () -> {
              try {
                running.await();
                worker.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    stopper.start();

    Worker.Summary summary = worker.run();

    assertThat(summary.released()).isEqualTo(1);
    assertThat(summary.finishedCount()).isZero();
    assertThat(trials().get(0).state()).isEqualTo(TrialState.WAITING);
    assertThat(trials().get(0).reason()).isEqualTo("worker stopped");
  }

  @Test
  void cancelsATrialAnotherWorkerTookOverAndStoresNothingOfIt() throws InterruptedException {
    TrialFixtures.enqueue(storage, study, 1, TrialFixtures.tiny());
    AtomicInteger calls = new AtomicInteger();
    Worker worker =
        worker(
            (trial, objective) -> {
              if (calls.incrementAndGet() == 1) {
                // Before this worker's first heartbeat, another worker with a grace of 1 ms finds
                // it silent and queues the trial again.
                Thread.sleep(20);
                assertThat(storage.recoverLost(study.id(), Duration.ofMillis(1), 3)).hasSize(1);
                Thread.sleep(60_000);
                throw new AssertionError("not cancelled");
              }
              return new TrialOutcome(TrialState.COMPLETE, null, 0.5, null);
            },
            new Worker.Options(1, Duration.ofSeconds(1), Duration.ofSeconds(10), 3));

    Worker.Summary summary = worker.run();

    assertThat(summary.lost()).isEqualTo(1);
    assertThat(logged("lost trial 0 (t0)")).hasSize(1);
    // This worker found it queued again and ran it a second time.
    TrialRecord trial = trials().get(0);
    assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(trial.attempts()).isEqualTo(2);
  }

  @Test
  void waitsForAnotherWorkersTrialAndRunsItWhenThatWorkerFallsSilent() throws InterruptedException {
    TrialFixtures.enqueue(storage, study, 3, TrialFixtures.tiny());
    // A worker on another machine claims trial 0, then is never heard of again.
    assertThat(storage.claim(study.id(), "elsewhere:1:ghost")).isPresent();

    Worker.Summary summary = worker(completing(5), FAST).run();

    assertThat(summary.recovered()).isEqualTo(1);
    assertThat(summary.finished()).containsEntry(TrialState.COMPLETE, 3);
    assertThat(logged("recovered trial 0 (t0): WAITING")).hasSize(1);
    assertThat(logged("waiting: ")).isNotEmpty();
    assertThat(trials()).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
    assertThat(trials().get(0).attempts()).isEqualTo(2);
  }

  @Test
  void failsALostTrialThatUsedUpItsAttemptsAndFinishesTheOthers() throws InterruptedException {
    TrialFixtures.enqueue(storage, study, 3, TrialFixtures.tiny());
    assertThat(storage.claim(study.id(), "elsewhere:1:ghost")).isPresent();

    Worker.Summary summary =
        worker(
                completing(5),
                new Worker.Options(1, Duration.ofMillis(50), Duration.ofMillis(400), 1))
            .run();

    TrialRecord lost = trials().get(0);
    assertThat(lost.state()).isEqualTo(TrialState.FAILED);
    assertThat(lost.reason()).contains("elsewhere:1:ghost");
    assertThat(summary.recovered()).isEqualTo(1);
    assertThat(summary.finished()).containsEntry(TrialState.COMPLETE, 2);
  }

  @Test
  void storesAFailedOutcomeAsItsReasonWithoutRetrying() throws InterruptedException {
    TrialFixtures.enqueue(storage, study, 2, TrialFixtures.tiny());
    TrialExecutor failingFirst =
        (trial, objective) ->
            trial.number() == 0
                ? new TrialOutcome(
                    TrialState.FAILED, "mnist-lab train: unknown layer \"swish\"", Double.NaN, null)
                : new TrialOutcome(TrialState.COMPLETE, null, 0.9, null);

    Worker.Summary summary = worker(failingFirst, FAST).run();

    assertThat(trials().get(0).state()).isEqualTo(TrialState.FAILED);
    assertThat(trials().get(0).reason()).isEqualTo("mnist-lab train: unknown layer \"swish\"");
    assertThat(trials().get(0).attempts()).isEqualTo(1);
    assertThat(trials().get(1).state()).isEqualTo(TrialState.COMPLETE);
    assertThat(summary.finished())
        .containsEntry(TrialState.FAILED, 1)
        .containsEntry(TrialState.COMPLETE, 1);
    assertThat(logged("finished trial 0 (t0): FAILED")).hasSize(1);
  }

  @Test
  void queuesTheTrialAgainAndRethrowsWhenTheExecutorBreaks() {
    TrialFixtures.enqueue(storage, study, 2, TrialFixtures.tiny());
    Worker worker =
        worker(
            (trial, objective) -> {
              throw new IllegalStateException("cannot start a training process (java): not found");
            },
            FAST);

    assertThatThrownBy(worker::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot start a training process");
    assertThat(trials()).extracting(TrialRecord::state).containsOnly(TrialState.WAITING);
    assertThat(trials().get(0).reason()).startsWith("worker failed: cannot start");
  }

  @Test
  void queuesTheTrialAgainWhenTheDiskFillsAsItsResultIsStored() throws Exception {
    Path mounted = Files.createDirectory(tmp.resolve("small"));
    Path file = mounted.resolve("studies.db");
    try (SmallDisk disk = SmallDisk.mount(mounted, 4096)) {
      try (Storage small = Storages.open("sqlite:" + file)) {
        StudyRecord onSmall = TrialFixtures.study(small, "s");
        TrialFixtures.enqueue(small, onSmall, 1, TrialFixtures.tiny());
        Worker worker =
            new Worker(
                small,
                onSmall,
                (trial, objective) -> {
                  // 35,000 step losses need some 2 MB; a few KB are left for the release.
                  try {
                    disk.fill(64 * 1024);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  return new TrialOutcome(
                      TrialState.COMPLETE, null, 0.9, resultWithSteps(trial.config(), 35_000));
                },
                new Worker.Options(1, Duration.ofSeconds(30), Duration.ofSeconds(60), 3),
                log::add);

        assertThatThrownBy(worker::run)
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("the disk of storage file " + file + " is full; free some space");
        disk.empty();

        TrialRecord trial = small.trials(onSmall.id(), false).get(0);
        assertThat(trial.state()).isEqualTo(TrialState.WAITING);
        assertThat(trial.attempts()).isZero();
        assertThat(trial.reason())
            .isEqualTo(
                "its COMPLETE result could not be stored: the"
                    + " disk of storage file "
                    + file
                    + " is full; free some space");
        assertThat(logged("released trial 0 (t0) after "))
            .singleElement()
            .asString()
            .contains("queued again (its COMPLETE result could not be stored");
        assertThat(logged("could not queue")).isEmpty();
      }
      try (Stream<Path> left = Files.list(mounted)) {
        assertThat(left).containsExactly(file);
      }
    }
  }

  @Test
  void saysInTheLogWhenAnUnstoredTrialCannotBeQueuedAgainEither() {
    TrialFixtures.enqueue(storage, study, 1, TrialFixtures.tiny());
    Storage failing = failingOn(storage, "finish", "release");
    Worker worker = new Worker(failing, study, completing(0), FAST, log::add);

    assertThatThrownBy(worker::run)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the disk is full (finish)")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .extracting(Throwable::getMessage)
                    .isEqualTo("the disk is full (release)"));
    assertThat(logged("could not queue trial 0 (t0) again"))
        .containsExactly(
            "could not queue trial 0 (t0) again (the disk is full (release)); it stays RUNNING"
                + " until a worker finds this one gone (its process ended, or no heartbeat for"
                + " 0.4 s) and queues it again");
    assertThat(trials().get(0).state()).isEqualTo(TrialState.RUNNING);
  }

  /** Returns {@code storage} whose {@code methods} throw a one-line fault, as on a full disk. */
  private static Storage failingOn(Storage storage, String... methods) {
    List<String> failing = List.of(methods);
    return (Storage)
        Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, method, args) -> {
              if (failing.contains(method.getName())) {
                throw new InvalidInputException("the disk is full (" + method.getName() + ")");
              }
              try {
                return method.invoke(storage, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Returns a complete one-epoch result with {@code steps} sampled step losses. */
  private static TrainResult resultWithSteps(TrainConfig config, int steps) {
    List<StepLoss> losses = new ArrayList<>();
    for (int i = 1; i <= steps; i++) {
      losses.add(new StepLoss(i, 1, 2.3 / i));
    }
    return new TrainResult(
        config,
        null,
        List.of(new EpochMetrics(1, 0.3, 0.3, 0.2, 0.9, config.lr(), 1.0, 1000.0)),
        losses,
        new Evaluation(0.2, 0.9),
        RunState.COMPLETE,
        "",
        0,
        1.0,
        500.0);
  }

  @Test
  void runsOnlyOnce() throws InterruptedException {
    Worker worker = worker(completing(0), FAST);
    worker.run();

    assertThatThrownBy(worker::run).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsAStudyWithAnUnknownObjective() {
    StudyRecord odd =
        storage.createStudy(
            new dev.mnistlab.storage.StudySpec(
                "odd", "f1", dev.mnistlab.storage.Direction.MAXIMIZE, "sweep", "{}", 1, null));

    assertThatThrownBy(() -> new Worker(storage, odd, completing(0), FAST, log::add))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("got 'f1'");
  }

  // --- options -----------------------------------------------------------------------------

  @Test
  void defaultsToTenSecondHeartbeatsSixtySecondsOfGraceAndThreeAttempts() {
    Worker.Options options = Worker.Options.defaults(4);

    assertThat(options)
        .isEqualTo(new Worker.Options(4, Duration.ofSeconds(10), Duration.ofSeconds(60), 3));
    assertThat(options.poll()).isEqualTo(Duration.ofSeconds(1));
    assertThat(FAST.poll()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void rejectsOptionsThatBreakARule() {
    Duration s10 = Duration.ofSeconds(10);
    assertThatThrownBy(() -> new Worker.Options(0, s10, Duration.ofSeconds(60), 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--parallel must be >= 1, got 0");
    assertThatThrownBy(() -> new Worker.Options(1, Duration.ZERO, s10, 3))
        .hasMessage("--heartbeat must be > 0 s, got 0 s");
    assertThatThrownBy(() -> new Worker.Options(1, s10, s10, 3))
        .hasMessage("--grace must be longer than --heartbeat (10 s), got 10 s");
    assertThatThrownBy(() -> new Worker.Options(1, s10, Duration.ofMillis(2500), 3))
        .hasMessage("--grace must be longer than --heartbeat (10 s), got 2.5 s");
    assertThatThrownBy(() -> new Worker.Options(1, s10, Duration.ofSeconds(60), 0))
        .hasMessage("--max-attempts must be >= 1, got 0");
  }
}
