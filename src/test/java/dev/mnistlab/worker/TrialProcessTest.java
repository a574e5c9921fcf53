package dev.mnistlab.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.cli.SyntheticMnist;
import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.study.TrialFixtures;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TrialProcessTest {
  @TempDir Path tmp;

  private static final TrainResult COMPLETE = ObjectiveTest.run(0.4, 0.91, 0.88);

  private static TrainResult ended(RunState state, String message) {
    return new TrainResult(
        COMPLETE.config(),
        null,
        COMPLETE.epochs(),
        List.of(),
        COMPLETE.test(),
        state,
        message,
        state == RunState.DIVERGED ? 17 : 0,
        1.0,
        200.0);
  }

  @Test
  void mapsACompleteRunToItsObjectiveValue() {
    TrialOutcome outcome = TrialProcess.outcome(0, COMPLETE, "", Objective.VAL_LOSS);

    assertThat(outcome.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(outcome.value()).isEqualTo(0.4);
    assertThat(outcome.reason()).isNull();
    assertThat(outcome.result()).isSameAs(COMPLETE);
  }

  @Test
  void keepsTheDivergenceMessageAndCurvesOfADivergedRun() {
    TrainResult diverged = ended(RunState.DIVERGED, "loss became NaN at step 17");

    TrialOutcome outcome =
        TrialProcess.outcome(
            0, diverged, "diverged: loss became NaN at " + "step 17", Objective.VAL_ACCURACY);

    assertThat(outcome.state()).isEqualTo(TrialState.DIVERGED);
    assertThat(outcome.reason()).isEqualTo("loss became NaN at step 17");
    assertThat(outcome.value()).isNaN();
    assertThat(outcome.result()).isSameAs(diverged);
  }

  @Test
  void mapsAFailedRunToAFailedTrialWithItsMessage() {
    TrialOutcome outcome =
        TrialProcess.outcome(
            1,
            ended(RunState.FAILED, "native error"),
            "failed: native error",
            Objective.VAL_ACCURACY);

    assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
    assertThat(outcome.reason()).isEqualTo("native error");
  }

  @Test
  void mapsBadInputToAFailedTrialWhoseReasonIsTheChildsLine() {
    String line = "mnist-lab train: unknown layer \"swish\" at character 12; allowed: linear";

    TrialOutcome outcome = TrialProcess.outcome(2, null, line, Objective.VAL_ACCURACY);

    assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
    assertThat(outcome.reason()).isEqualTo(line);
    assertThat(outcome.value()).isNaN();
    assertThat(outcome.result()).isNull();
  }

  @Test
  void mapsAKilledChildToAFailedTrialNamingItsExitCodeAndSignal() {
    assertThat(TrialProcess.outcome(137, null, "", Objective.VAL_ACCURACY).reason())
        .isEqualTo("training process exited with code 137 (signal 9) without a result");
    assertThat(
            TrialProcess.outcome(
                    1, null, "mnist-lab train: internal error: boom", Objective.VAL_ACCURACY)
                .reason())
        .isEqualTo(
            "training process exited with code 1: mnist-lab train: internal error: " + "boom");
  }

  @Test
  void findsTheLastMessageAboveAStackTrace() {
    String stderr =
        """
        warning: the last layer is a sigmoid
        mnist-lab train: internal error: java.lang.IllegalStateException: boom
        java.lang.IllegalStateException: boom
        \tat dev.mnistlab.train.Trainer.train(Trainer.java:10)
        \tat dev.mnistlab.cli.TrainCommand.call(TrainCommand.java:20)

        """;

    assertThat(TrialProcess.lastMessage(stderr))
        .isEqualTo("java.lang.IllegalStateException: " + "boom");
    assertThat(TrialProcess.lastMessage("")).isEmpty();
  }

  @Test
  void startsTheTrainingProcessWithThisProcessAsItsParent() {
    List<String> command = TrainingServer.command(List.of("java", "-cp", "x", "Main"));

    assertThat(command)
        .containsExactly(
            "java",
            "-XX:ActiveProcessorCount=1",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            "x",
            "Main",
            "serve-trials",
            "--exit-with-parent",
            String.valueOf(ProcessHandle.current().pid()));
  }

  @Test
  void sendsEachTrialAsAGatedTrainRunWithOneEngineThread() {
    TrialProcess process = new TrialProcess(List.of("java", "-cp", "x", "Main"), Path.of("d"));
    TrainConfig config = TrainConfig.defaults().withModel("linear(10)");

    List<String> arguments = process.arguments(config, Path.of("r.json"), null);

    assertThat(arguments).startsWith("train");
    assertThat(String.join(" ", arguments))
        .contains("--model linear(10)")
        .contains("--threads 1")
        .contains("--data-dir " + Path.of("d").toAbsolutePath())
        .contains("--json r.json")
        .endsWith("--epoch-gate")
        .doesNotContain("--save");
  }

  @Test
  void asksEachRunToSaveItsModelIntoItsTrialsDirectoryWhenModelsAreKept() {
    Path models = tmp.resolve("models/study");
    TrialProcess process =
        new TrialProcess(List.of("java", "-cp", "x", "Main"), Path.of("d"), null, models);

    List<String> arguments =
        process.arguments(
            TrainConfig.defaults(), Path.of("r.json"), TrialProcess.modelDir(models, 7));

    assertThat(String.join(" ", arguments))
        .endsWith("--epoch-gate --save " + models.resolve("trial-7"));
  }

  @Test
  void namesTheKeptModelOnlyForARunThatCompletedAndSavedIt() throws Exception {
    Path model = Files.createDirectories(tmp.resolve("trial-3"));
    TrialOutcome complete = new TrialOutcome(TrialState.COMPLETE, null, 0.9, null);
    TrialOutcome pruned = new TrialOutcome(TrialState.PRUNED, "pruned", 0.5, null);

    assertThat(TrialProcess.kept(complete, model).modelDir()).as("nothing saved yet").isNull();
    Files.writeString(model.resolve("model.params"), "weights");
    assertThat(TrialProcess.kept(complete, model).modelDir()).isEqualTo(model.toString());
    assertThat(TrialProcess.kept(pruned, model).modelDir()).isNull();
    assertThat(TrialProcess.kept(complete, null).modelDir()).isNull();
  }

  // --- real training processes --------------------------------------------------------------

  private TrialProcess executor() {
    return new TrialProcess(TrialFixtures.javaCommand(), SyntheticMnist.write(tmp));
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void trainsATrialInAChildProcessAndMeasuresItsObjective() throws InterruptedException {
    TrialOutcome outcome;
    try (TrialProcess executor = executor()) {
      outcome =
          executor.run(TrialFixtures.running(0, TrialFixtures.tiny()), Objective.VAL_ACCURACY);
    }

    assertThat(outcome.state()).as("reason: %s", outcome.reason()).isEqualTo(TrialState.COMPLETE);
    assertThat(outcome.result().epochs()).hasSize(1);
    assertThat(outcome.value())
        .isBetween(0.0, 1.0)
        .isEqualTo(outcome.result().lastEpoch().valAccuracy());
    assertThat(outcome.result().config().threads()).isEqualTo(1);
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void reportsABadConfigAsAFailedTrialWithTheChildsLine() throws InterruptedException {
    TrainConfig bad = TrialFixtures.tiny().withModel("linear(10),swish");

    TrialOutcome outcome;
    try (TrialProcess executor = executor()) {
      outcome = executor.run(TrialFixtures.running(0, bad), Objective.VAL_ACCURACY);
    }

    assertThat(outcome.state()).isEqualTo(TrialState.FAILED);
    assertThat(outcome.reason()).startsWith("mnist-lab train: unknown layer \"swish\"");
    assertThat(outcome.result()).isNull();
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void stopsTheChildWhenTheRunIsInterrupted() throws InterruptedException {
    TrialProcess executor = executor();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                executor.run(
                    TrialFixtures.running(0, TrialFixtures.tiny(100_000)), Objective.VAL_ACCURACY);
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    runner.start();
    ProcessHandle child = awaitChild();

    runner.interrupt();
    runner.join(TimeUnit.SECONDS.toMillis(TrainingServer.STOP_SECONDS + 5));

    assertThat(runner.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(child.isAlive()).isFalse();
    executor.close();
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void aJudgeThatStopsTheRunMakesItAPrunedTrialWithThePartialCurve() throws InterruptedException {
    List<Integer> asked = new CopyOnWriteArrayList<>();
    TrialProcess executor =
        new TrialProcess(
            TrialFixtures.javaCommand(),
            SyntheticMnist.write(tmp),
            trial ->
                metrics -> {
                  asked.add(metrics.epoch());
                  return metrics.epoch() == 2 ? "below the median" : null;
                });

    TrialOutcome outcome =
        executor.run(TrialFixtures.running(0, TrialFixtures.tiny(5)), Objective.VAL_ACCURACY);
    executor.close();

    assertThat(outcome.state()).as("reason: %s", outcome.reason()).isEqualTo(TrialState.PRUNED);
    assertThat(outcome.reason()).isEqualTo("pruned after epoch 2: below the median");
    assertThat(asked).containsExactly(1, 2);
    assertThat(outcome.result().epochs()).hasSize(2);
    assertThat(outcome.value()).isEqualTo(outcome.result().epochs().get(1).valAccuracy());
    assertThat(outcome.result().test().accuracy()).as("a pruned run is not tested").isNaN();
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void aJudgeThatLetsTheRunGoOnSeesEveryEpochAndTheTrialCompletes() throws InterruptedException {
    List<Integer> asked = new CopyOnWriteArrayList<>();
    TrialProcess executor =
        new TrialProcess(
            TrialFixtures.javaCommand(),
            SyntheticMnist.write(tmp),
            trial ->
                metrics -> {
                  asked.add(metrics.epoch());
                  return null;
                });

    TrialOutcome outcome =
        executor.run(TrialFixtures.running(0, TrialFixtures.tiny(3)), Objective.VAL_ACCURACY);
    executor.close();

    assertThat(outcome.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(asked).containsExactly(1, 2, 3);
    assertThat(outcome.result().epochs()).hasSize(3);
    assertThat(outcome.result().test().accuracy()).isBetween(0.0, 1.0);
  }

  @Test
  @Tag("slow")
  @Timeout(120)
  void keepsOneTrainingProcessForTrialAfterTrialAndTrainsAsAFreshOneWould()
      throws InterruptedException {
    TrainConfig config = TrialFixtures.tiny(2);
    double fresh;
    try (TrialProcess first = executor()) {
      fresh = first.run(TrialFixtures.running(0, config), Objective.VAL_ACCURACY).value();
    }
    try (TrialProcess executor = executor()) {
      executor.run(
          TrialFixtures.running(0, config.withModel("linear(32),relu,linear(10)")),
          Objective.VAL_ACCURACY);
      ProcessHandle child = awaitChild();

      TrialOutcome again = executor.run(TrialFixtures.running(1, config), Objective.VAL_ACCURACY);

      assertThat(awaitChild().pid()).as("the same process").isEqualTo(child.pid());
      assertThat(again.value()).as("as in a process of its own").isEqualTo(fresh);
    }
  }

  @Test
  @Tag("slow")
  @Timeout(120)
  void aFailedRunLeavesTheProcessReadyAndADeadProcessIsReplaced() throws InterruptedException {
    try (TrialProcess executor = executor()) {
      TrialOutcome bad =
          executor.run(
              TrialFixtures.running(0, TrialFixtures.tiny().withModel("linear(10),swish")),
              Objective.VAL_ACCURACY);
      ProcessHandle child = awaitChild();
      TrialOutcome good =
          executor.run(TrialFixtures.running(1, TrialFixtures.tiny()), Objective.VAL_ACCURACY);
      assertThat(bad.state()).isEqualTo(TrialState.FAILED);
      assertThat(good.state()).as("reason: %s", good.reason()).isEqualTo(TrialState.COMPLETE);
      assertThat(awaitChild().pid()).isEqualTo(child.pid());

      child.destroyForcibly();
      child.onExit().join();
      TrialOutcome after =
          executor.run(TrialFixtures.running(2, TrialFixtures.tiny()), Objective.VAL_ACCURACY);

      assertThat(after.state()).as("reason: %s", after.reason()).isEqualTo(TrialState.COMPLETE);
      assertThat(awaitChild().pid()).isNotEqualTo(child.pid());
    }
  }

  @Test
  @Tag("slow")
  @Timeout(60)
  void closingEndsTheKeptProcess() throws InterruptedException {
    TrialProcess executor = executor();
    executor.run(TrialFixtures.running(0, TrialFixtures.tiny()), Objective.VAL_ACCURACY);
    ProcessHandle child = awaitChild();

    executor.close();

    assertThat(child.isAlive()).isFalse();
  }

  /** Waits for this JVM's training child to start and returns it. */
  private static ProcessHandle awaitChild() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      var children =
          ProcessHandle.current()
              .children()
              .filter(
                  p ->
                      p.info()
                          .arguments()
                          .map(a -> List.of(a).contains("serve-trials"))
                          .orElse(true))
              .toList();
      if (!children.isEmpty()) {
        return children.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no training process started within 30 s");
  }
}
