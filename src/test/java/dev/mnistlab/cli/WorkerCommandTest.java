package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialRequest;
import dev.mnistlab.storage.TrialState;
import dev.mnistlab.study.TrialFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WorkerCommandTest {
  @TempDir Path tmp;

  private String url() {
    return "sqlite:" + tmp.resolve("studies.db");
  }

  @Test
  void rejectsAnUnknownStudyWithOneLine() {
    try (Storage storage = Storages.open(url())) {
      TrialFixtures.study(storage, "known");
    }

    CliRun run = CliRun.of("worker", "--study", "nope", "--storage", url());

    assertThat(run.badInputLine())
        .startsWith("mnist-lab worker: no study named 'nope' in ")
        .contains("known");
  }

  @Test
  void rejectsAGraceNotLongerThanTheHeartbeat() {
    CliRun run =
        CliRun.of("worker", "--study", "s", "--storage", url(), "--heartbeat", "5", "--grace", "5");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab worker: --grace must be longer than " + "--heartbeat (5 s), got 5 s");
  }

  @Test
  void rejectsAHeartbeatThatIsNotAPositiveNumberOfSeconds() {
    CliRun run = CliRun.of("worker", "--study", "s", "--storage", url(), "--heartbeat", "-1");

    assertThat(run.badInputLine())
        .isEqualTo("mnist-lab worker: --heartbeat must be a number " + "of seconds > 0, got -1.0");
  }

  @Test
  void rejectsZeroParallelTrials() {
    CliRun run = CliRun.of("worker", "--study", "s", "--storage", url(), "--parallel", "0");

    assertThat(run.badInputLine()).isEqualTo("mnist-lab worker: --parallel must be >= 1, got 0");
  }

  @Test
  void requiresAStudy() {
    assertThat(CliRun.of("worker", "--storage", url()).badInputLine()).contains("--study");
  }

  @Test
  @Tag("slow")
  @Timeout(120)
  void runsEveryTrialAndFailsOnlyTheOneThatCannotBeTrained() {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    try (Storage storage = Storages.open(url())) {
      StudyRecord study = TrialFixtures.study(storage, "s");
      storage.enqueue(
          study.id(),
          List.of(
              new TrialRequest("ok-0", Map.of(), TrialFixtures.tiny()),
              new TrialRequest(
                  "swish", Map.of(), TrialFixtures.tiny().withModel("linear(10),swish")),
              new TrialRequest("ok-2", Map.of(), TrialFixtures.tiny().withSeed(2))));
    }

    CliRun run =
        CliRun.of(
            "worker",
            "--study",
            "s",
            "--storage",
            url(),
            "--data-dir",
            data.toString(),
            "--parallel",
            "2",
            "--heartbeat",
            "1",
            "--grace",
            "30");

    assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
    try (Storage storage = Storages.open(url())) {
      List<TrialRecord> trials = storage.trials(storage.findStudy("s").orElseThrow().id(), true);
      assertThat(trials)
          .extracting(TrialRecord::state)
          .containsExactly(TrialState.COMPLETE, TrialState.FAILED, TrialState.COMPLETE);
      assertThat(trials.get(1).reason()).startsWith("mnist-lab train: unknown layer \"swish\"");
      assertThat(trials.get(0).value()).isBetween(0.0, 1.0);
      assertThat(trials.get(0).epochs()).hasSize(1);
    }
    assertThat(run.errLines()).filteredOn(line -> line.startsWith("claimed trial ")).hasSize(3);
    assertThat(run.outLines())
        .singleElement()
        .asString()
        .startsWith(
            "done with study s: 3 trial(s) finished (2 COMPLETE, 1 FAILED), "
                + "0 released, 0 recovered, 0 lost, in ")
        .contains("storage ");
  }
}
