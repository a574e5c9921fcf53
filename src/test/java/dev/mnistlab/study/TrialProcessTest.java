package dev.mnistlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.TrialOutcome;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.train.RunState;
import dev.mnistlab.train.TrainConfig;
import dev.mnistlab.train.TrainResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialProcessTest {
  private static final TrainResult COMPLETE = ObjectiveTest.run(0.4, 0.91, 0.88);

  private static TrainResult ended(RunState state, String message) {
    return new TrainResult(COMPLETE.config(), null, COMPLETE.epochs(), List.of(),
        COMPLETE.test(), state, message, state == RunState.DIVERGED ? 17 : 0, 1.0, 200.0);
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

    TrialOutcome outcome = TrialProcess.outcome(0, diverged, "diverged: loss became NaN at "
        + "step 17", Objective.VAL_ACCURACY);

    assertThat(outcome.state()).isEqualTo(TrialState.DIVERGED);
    assertThat(outcome.reason()).isEqualTo("loss became NaN at step 17");
    assertThat(outcome.value()).isNaN();
    assertThat(outcome.result()).isSameAs(diverged);
  }

  @Test
  void mapsAFailedRunToAFailedTrialWithItsMessage() {
    TrialOutcome outcome = TrialProcess.outcome(1, ended(RunState.FAILED, "native error"),
        "failed: native error", Objective.VAL_ACCURACY);

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
    assertThat(TrialProcess.outcome(1, null, "mnist-lab train: internal error: boom",
        Objective.VAL_ACCURACY).reason())
        .isEqualTo("training process exited with code 1: mnist-lab train: internal error: "
            + "boom");
  }

  @Test
  void findsTheLastMessageAboveAStackTrace() {
    String stderr = """
        warning: the last layer is a sigmoid
        mnist-lab train: internal error: java.lang.IllegalStateException: boom
        java.lang.IllegalStateException: boom
        \tat dev.mnistlab.train.Trainer.train(Trainer.java:10)
        \tat dev.mnistlab.cli.TrainCommand.call(TrainCommand.java:20)

        """;

    assertThat(TrialProcess.lastMessage(stderr)).isEqualTo("java.lang.IllegalStateException: "
        + "boom");
    assertThat(TrialProcess.lastMessage("")).isEmpty();
  }

  @Test
  void startsTheChildWithOneEngineThreadAndThisProcessAsItsParent() {
    TrialProcess process = new TrialProcess(List.of("java", "-cp", "x", "Main"), Path.of("d"));
    TrainConfig config = TrainConfig.defaults().withModel("linear(10)");

    List<String> command = process.command(config, Path.of("r.json"));

    assertThat(command).startsWith("java", "-cp", "x", "Main", "train");
    assertThat(String.join(" ", command)).contains("--model linear(10)")
        .contains("--threads 1")
        .contains("--data-dir " + Path.of("d").toAbsolutePath())
        .contains("--json r.json")
        .endsWith("--exit-with-parent " + ProcessHandle.current().pid());
  }
}
