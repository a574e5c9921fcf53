package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
  @TempDir Path tmp;

  private Path studyFile() throws IOException {
    return Files.writeString(tmp.resolve("tiny.yaml"), """
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
    Path dir = tmp.resolve("study");

    CliRun run = CliRun.of("study", "run", studyFile().toString(), "--data-dir",
        data.toString(), "--dir", dir.toString(), "--out", tmp.resolve("out").toString());

    assertThat(run.code()).as(run.err()).isZero();
    try (var files = Files.list(dir.resolve("runs"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
          "small-seed-1.json", "small-seed-2.json", "wider-seed-1.json", "wider-seed-2.json");
    }
    assertThat(run.err()).contains("4 of 4 runs to train");
    assertThat(run.out()).contains("Step by step").contains("small -> wider")
        .contains("Which trial to choose");
    assertThat(tmp.resolve("out/report.md")).exists();
    assertThat(tmp.resolve("out/report.html")).exists();
    assertThat(tmp.resolve("out/all-trials.png")).exists();
  }

  @Test
  void continuesWhereItStoppedAndReportsWithoutTraining() throws IOException {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    Path dir = tmp.resolve("study");
    String file = studyFile().toString();
    assertThat(CliRun.of("study", "run", file, "--data-dir", data.toString(), "--dir",
        dir.toString()).code()).isZero();
    Files.delete(dir.resolve("runs/wider-seed-2.json"));

    CliRun again = CliRun.of("study", "run", file, "--data-dir", data.toString(), "--dir",
        dir.toString());
    CliRun report = CliRun.of("study", "report", dir.toString());

    assertThat(again.err()).contains("1 of 4 runs to train (3 stored)");
    assertThat(report.code()).isZero();
    assertThat(report.out()).contains("4 of 4 runs stored");
  }

  @Test
  void rejectsAStudyFileWithAnUnknownKey() throws IOException {
    Path file = Files.writeString(tmp.resolve("bad.yaml"),
        "name: bad\ntrials:\n  - {name: a, epoch: 3}\n");

    CliRun run = CliRun.of("study", "run", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("trial 'a': unknown key 'epoch'");
  }

  @Test
  void rejectsReportOfADirectoryThatIsNoStudy() {
    CliRun run = CliRun.of("study", "report", tmp.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("not a study directory");
  }
}
