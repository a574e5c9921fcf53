package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the models of a tiny study (100 training images, one epoch) in a real SQLite storage: where
 * they go, what the trials say, ensembles of their seeds, and their removal.
 */
class KeepModelsOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path data;
  private String storage;

  @BeforeEach
  void writeData() {
    data = SyntheticMnist.write(tmp.resolve("data"));
    storage = "sqlite:" + tmp.resolve("lab.db");
  }

  private String studyFile(int repeats) throws IOException {
    return Files.writeString(
            tmp.resolve("tiny.yaml"),
            """
            name: tiny
            description: One small trial on a synthetic set.
            repeats: %d
            defaults: {epochs: 1, batch_size: 20, val_size: 20, log_every: 1}
            trials:
              - {name: small, model: "linear(8),relu,linear(10)", lr: 0.01}
            """
                .formatted(repeats))
        .toString();
  }

  private CliRun study(int repeats, String... flags) throws IOException {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "study",
                "run",
                studyFile(repeats),
                "--data-dir",
                data.toString(),
                "--storage",
                storage,
                "--parallel",
                "1"));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<TrialRecord> trials() {
    try (Storage opened = Storages.open(storage)) {
      StudyRecord study = Storages.requireStudy(opened, "tiny");
      return opened.trials(study.id(), false).stream()
          .sorted(Comparator.comparingInt(TrialRecord::number))
          .toList();
    }
  }

  @Test
  void keepsEachSeedsModelBesideTheStorageEnsemblesThemAndDeletesThemWithTheStudy()
      throws IOException {
    Path models = tmp.resolve("lab.models/tiny");

    CliRun run = study(2, "--keep-models");

    assertThat(run.code()).as(run.err()).isZero();
    List<TrialRecord> trials = trials();
    assertThat(trials)
        .extracting(TrialRecord::modelDir)
        .containsExactly(
            models.resolve("trial-0").toString(), models.resolve("trial-1").toString());
    for (TrialRecord t : trials) {
      assertThat(Path.of(t.modelDir()).resolve("model.params")).isRegularFile();
      assertThat(Path.of(t.modelDir()).resolve("config.json")).isRegularFile();
    }
    try (Storage opened = Storages.open(storage)) {
      assertThat(opened.findStudy("tiny").orElseThrow().modelsDir()).isEqualTo(models.toString());
    }
    assertThat(run.out())
        .contains("Seed ensembles")
        .containsPattern("(?m)^small +2 +[01]\\.\\d{4} +[01]\\.\\d{4} +[+-][01]\\.\\d{4} *$");

    CliRun ensemble =
        CliRun.of(
            "ensemble",
            "--study",
            "tiny",
            "--trial",
            "small",
            "--storage",
            storage,
            "--data-dir",
            data.toString(),
            "--json",
            "-");

    assertThat(ensemble.code()).as(ensemble.err()).isZero();
    JsonNode scores = JSON.readTree(ensemble.out());
    assertThat(scores.get("members")).hasSize(2);
    // Each kept model scores what its run scored when it was trained.
    for (int i = 0; i < 2; i++) {
      JsonNode member = scores.get("members").get(i);
      TrialRecord trial = trials.get(i);
      assertThat(member.get("seed").asLong()).isEqualTo(trial.config().seed());
      assertThat(member.get("model").asText()).isEqualTo("run " + trial.number());
      assertThat(member.get("test").get("accuracy").asDouble()).isEqualTo(trial.test().accuracy());
    }

    CliRun byNumber =
        CliRun.of(
            "ensemble",
            "--study",
            "tiny",
            "--trial",
            "1",
            "--storage",
            storage,
            "--data-dir",
            data.toString());
    assertThat(byNumber.code()).as(byNumber.err()).isZero();
    assertThat(byNumber.outLines().get(0))
        .isEqualTo(
            "ensemble of the 2 kept seed(s) of trial 'small' of study 'tiny': the mean of their"
                + " softmax outputs");

    CliRun report =
        CliRun.of("study", "report", "tiny", "--storage", storage, "--data-dir", data.toString());
    assertThat(report.out()).contains("Seed ensembles");

    CliRun delete = CliRun.of("study", "delete", "tiny", "--yes", "--storage", storage);

    assertThat(delete.code()).as(delete.err()).isZero();
    assertThat(delete.out()).contains("; removed its 2 kept models");
    assertThat(models).doesNotExist();
  }

  @Test
  void theStudyRemembersToKeepModelsForRunsAddedLater() throws IOException {
    assertThat(study(1, "--keep-models").code()).isZero();

    CliRun more = study(2);

    assertThat(more.code()).as(more.err()).isZero();
    assertThat(trials()).extracting(TrialRecord::modelDir).doesNotContainNull().hasSize(2);
  }

  @Test
  void keepsModelsInTheDirectoryGiven() throws IOException {
    Path root = tmp.resolve("shared");

    CliRun run = study(1, "--models-dir", root.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(root.resolve("tiny/trial-0/model.params")).isRegularFile();
    assertThat(tmp.resolve("lab.models")).doesNotExist();
  }

  @Test
  void withoutTheFlagsNoModelIsKeptAndTheReportHasNoEnsembles() throws IOException {
    CliRun run = study(2);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(trials()).extracting(TrialRecord::modelDir).containsOnlyNulls();
    assertThat(tmp.resolve("lab.models")).doesNotExist();
    assertThat(run.out()).doesNotContain("Seed ensembles");

    CliRun ensemble =
        CliRun.of("ensemble", "--study", "tiny", "--trial", "small", "--storage", storage);
    assertThat(ensemble.badInputLine())
        .isEqualTo(
            "mnist-lab ensemble: trial 'small' of study 'tiny' kept no models: its 2 complete"
                + " run(s) were trained without --keep-models");
  }

  @Test
  void refusesAModelsDirectoryUnderARegularFileBeforeAnythingIsStoredOrTrained()
      throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "not a directory");

    CliRun run = study(1, "--models-dir", file.resolve("sub").toString());

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab study run: cannot write --models-dir "
                + file.resolve("sub/tiny")
                + ": "
                + file
                + " is a file, not a directory");
    assertThat(tmp.resolve("lab.db")).doesNotExist();
  }

  @Test
  void refusesADefaultModelsDirectoryThatCannotBeWritten() throws IOException {
    Files.writeString(tmp.resolve("lab.models"), "a file where the directory would go");

    CliRun run = study(1, "--keep-models");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab study run: cannot write --keep-models "
                + tmp.resolve("lab.models/tiny")
                + ": "
                + tmp.resolve("lab.models")
                + " is a file, not a directory");
    assertThat(tmp.resolve("lab.db")).doesNotExist();
  }

  @Test
  void aPostgresqlStorageNeedsAModelsDirectory() throws IOException {
    CliRun run =
        CliRun.of(
            "study",
            "run",
            studyFile(1),
            "--storage",
            "postgresql://lab@localhost:1/lab",
            "--keep-models");

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab study run: --keep-models with a PostgreSQL storage needs --models-dir DIR,"
                + " a directory every worker can write (there is no storage file to keep them"
                + " beside)");
  }

  @Test
  void sweepTuneAndWorkerRefuseAnUnwritableModelsDirectoryToo() throws IOException {
    Path under = Files.writeString(tmp.resolve("file"), "x").resolve("sub");
    assertThat(study(1).code()).isZero();

    CliRun sweep =
        CliRun.of("sweep", "--quick", "--storage", storage, "--models-dir", under.toString());
    CliRun tune =
        CliRun.of("tune", "--space", "mlp", "--storage", storage, "--models-dir", under.toString());
    CliRun worker =
        CliRun.of(
            "worker", "--study", "tiny", "--storage", storage, "--models-dir", under.toString());

    assertThat(sweep.badInputLine()).startsWith("mnist-lab sweep: cannot write --models-dir ");
    assertThat(tune.badInputLine()).startsWith("mnist-lab tune: cannot write --models-dir ");
    assertThat(worker.badInputLine()).startsWith("mnist-lab worker: cannot write --models-dir ");
  }
}
