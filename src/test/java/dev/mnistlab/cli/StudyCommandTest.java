package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.output.SmallDisk;
import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
  @TempDir Path tmp;

  private Path studyFile() throws IOException {
    return Files.writeString(
        tmp.resolve("tiny.yaml"),
        """
        name: tiny
        description: Two small trials on a synthetic set.
        repeats: 2
        defaults: {epochs: 2, batch_size: 20, val_size: 20, log_every: 1}
        trials:
          - {name: small, model: "linear(8),relu,linear(10)", lr: 0.01}
          - {name: wider, model: "linear(32),relu,linear(10)", lr: 0.01,
             reported_accuracy: 0.5}
        """);
  }

  @Test
  void runsEveryRepeatStoresThemAndWritesReports() throws IOException {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    String storage = "sqlite:" + tmp.resolve("studies.db");

    CliRun run =
        CliRun.of(
            "study",
            "run",
            studyFile().toString(),
            "--data-dir",
            data.toString(),
            "--storage",
            storage,
            "--out",
            tmp.resolve("out").toString());

    assertThat(run.code()).as(run.err()).isZero();
    try (Storage opened = Storages.open(storage)) {
      StudyRecord study = Storages.requireStudy(opened, "tiny");
      assertThat(opened.trials(study.id(), false))
          .extracting(t -> t.label() + "/" + t.config().seed() + "/" + t.state())
          .containsExactlyInAnyOrder(
              "small/1/COMPLETE", "small/2/COMPLETE", "wider/1/COMPLETE", "wider/2/COMPLETE");
    }
    assertThat(run.err()).contains("4 of 4 runs queued");
    assertThat(run.out())
        .contains("Step by step")
        .contains("small -> wider")
        .contains("Which trial to choose");
    assertThat(tmp.resolve("out/report.md")).exists();
    assertThat(tmp.resolve("out/report.html")).exists();
    assertThat(tmp.resolve("out/all-trials.png")).exists();
  }

  @Test
  void writesNoPartOfTheReportWhenTheDiskIsFull() throws Exception {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    String storage = "sqlite:" + tmp.resolve("studies.db");
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 256)) {
      Path out = disk.dir().resolve("out");
      disk.fill();

      CliRun run =
          CliRun.of(
              "study",
              "run",
              studyFile().toString(),
              "--repeats",
              "1",
              "--data-dir",
              data.toString(),
              "--storage",
              storage,
              "--out",
              out.toString());

      // The worker's progress lines come first; the failure is the one last line.
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.errLines())
          .last()
          .isEqualTo(
              "mnist-lab study run: cannot write the "
                  + "reports into "
                  + out
                  + ": no space left on device");
      try (Stream<Path> files = Files.list(disk.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("filler");
      }
    }
  }

  @Test
  void continuesWithWhatIsMissingAndReportsWithoutTraining() throws IOException {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    String storage = "sqlite:" + tmp.resolve("studies.db");
    String file = studyFile().toString();
    assertThat(
            CliRun.of(
                    "study",
                    "run",
                    file,
                    "--repeats",
                    "1",
                    "--data-dir",
                    data.toString(),
                    "--storage",
                    storage)
                .code())
        .isZero();

    CliRun again =
        CliRun.of("study", "run", file, "--data-dir", data.toString(), "--storage", storage);
    CliRun twice =
        CliRun.of("study", "run", file, "--data-dir", data.toString(), "--storage", storage);
    CliRun report = CliRun.of("study", "report", "tiny", "--storage", storage);

    assertThat(again.err()).contains("2 of 4 runs queued");
    assertThat(twice.err()).contains("all 4 runs of study 'tiny' are stored");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out()).contains("4 of 4 runs stored");
  }

  @Test
  void queuesATrialAgainWhenItsSettingsChange() throws IOException {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    String storage = "sqlite:" + tmp.resolve("studies.db");
    assertThat(
            CliRun.of(
                    "study",
                    "run",
                    studyFile().toString(),
                    "--repeats",
                    "1",
                    "--data-dir",
                    data.toString(),
                    "--storage",
                    storage)
                .code())
        .isZero();
    Path edited =
        Files.writeString(
            tmp.resolve("edited.yaml"),
            Files.readString(studyFile()).replace("linear(32)", "linear(16)"));

    CliRun run =
        CliRun.of(
            "study",
            "run",
            edited.toString(),
            "--repeats",
            "1",
            "--data-dir",
            data.toString(),
            "--storage",
            storage);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("1 of 2 runs queued");
  }

  @Test
  void rejectsAStudyFileWithAnUnknownKey() throws IOException {
    Path file =
        Files.writeString(tmp.resolve("bad.yaml"), "name: bad\ntrials:\n  - {name: a, epoch: 3}\n");

    CliRun run = CliRun.of("study", "run", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("trial 'a': unknown key 'epoch'");
  }

  @Test
  void rejectsReportOfAStudyThatIsNotStored() {
    String url = "sqlite:" + tmp.resolve("empty.db");
    Storages.open(url).close();

    CliRun run = CliRun.of("study", "report", "nothing", "--storage", url);

    assertThat(run.badInputLine()).contains("no study named 'nothing'");
  }

  @Test
  void deletesAStudyWithEverythingStoredForIt() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("study", "delete", "demo", "--yes", "--storage", url);
    CliRun after = CliRun.of("studies", "--storage", url);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("deleted study 'demo' (4 trials)");
    assertThat(after.out()).contains("no studies");
  }

  @Test
  void rejectsDeletingAStudyThatIsNotThere() {
    String url = FilledStorage.create(tmp);

    CliRun run = CliRun.of("study", "delete", "other", "--yes", "--storage", url);

    assertThat(run.badInputLine()).contains("no study named 'other'");
  }

  @Test
  void reportRefusesAMissingStorageFileAndCreatesNothing() throws Exception {
    Path file = tmp.resolve("typo/lab.db");

    CliRun run = CliRun.of("study", "report", "demo", "--storage", "sqlite:" + file);

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab study report: storage file "
                + file
                + " does not exist; commands that only read never create one ('study run', 'sweep'"
                + " and 'tune' do)");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void deleteAndWorkerRefuseAMissingStorageFileAndCreateNothing() throws Exception {
    Path file = tmp.resolve("typo/lab.db");

    CliRun delete = CliRun.of("study", "delete", "demo", "--yes", "--storage", "sqlite:" + file);
    CliRun worker = CliRun.of("worker", "--study", "demo", "--storage", "sqlite:" + file);

    assertThat(delete.badInputLine())
        .startsWith("mnist-lab study delete: storage file " + file + " does not exist;");
    assertThat(worker.badInputLine())
        .startsWith("mnist-lab worker: storage file " + file + " does not exist;");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
