package dev.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnistlab.storage.Storage;
import dev.mnistlab.storage.Storages;
import dev.mnistlab.storage.StudyRecord;
import dev.mnistlab.storage.TrialRecord;
import dev.mnistlab.storage.TrialState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir Path tmp;

  private CliRun sweep(String storage, String... more) {
    Path data = SyntheticMnist.write(tmp.resolve("data"));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "sweep",
                "--data-dir",
                data.toString(),
                "--storage",
                storage,
                "--name",
                "tiny",
                "--set",
                "model=linear(16),relu,linear(10)",
                "--set",
                "epochs=2",
                "--set",
                "batch_size=20",
                "--set",
                "val_size=20",
                "--set",
                "lr=0.01",
                "--set",
                "log_every=1"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void sweepsEachFactorReadsEpochsFromCurvesAndDrawsTheGrid() {
    String storage = "sqlite:" + tmp.resolve("s.db");

    CliRun run =
        sweep(
            storage,
            "--factor",
            "lr=0.01,0.1",
            "--factor",
            "batch_size=10,20",
            "--factor",
            "epochs=1,2",
            "--grid",
            "lr,batch_size",
            "--repeats",
            "2",
            "--out",
            tmp.resolve("out").toString());

    assertThat(run.code()).as(run.err()).isZero();
    // base (lr 0.01, batch 20), lr 0.1, batch 10 and the grid's (0.1, 10): 4 configs x 2 seeds.
    assertThat(run.err())
        .contains("8 of 8 runs queued (2 saved by reading epochs from " + "learning curves)");
    try (Storage opened = Storages.open(storage)) {
      StudyRecord study = Storages.requireStudy(opened, "tiny");
      assertThat(study.spec().kind()).isEqualTo("sweep");
      List<TrialRecord> trials = opened.trials(study.id(), false);
      assertThat(trials)
          .hasSize(8)
          .allSatisfy(t -> assertThat(t.state()).isIn(TrialState.COMPLETE, TrialState.DIVERGED));
    }
    assertThat(run.out())
        .contains("lr")
        .contains("batch_size")
        .contains("epoch")
        .contains("How this sweep was run")
        .contains("4 configs x 2 seed(s)");
    assertThat(tmp.resolve("out/report.md")).exists();
    assertThat(tmp.resolve("out/report.html")).exists();
  }

  @Test
  void trainsNothingAgainAndReportsTheStoredSweep() {
    String storage = "sqlite:" + tmp.resolve("s.db");
    assertThat(sweep(storage, "--factor", "lr=0.01,0.1").code()).isZero();

    CliRun again = sweep(storage, "--factor", "lr=0.01,0.1");
    CliRun report = CliRun.of("study", "report", "tiny", "--storage", storage);

    assertThat(again.err()).contains("all 6 runs of sweep 'tiny' are stored");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out()).contains("How this sweep was run");
  }

  @Test
  void keepsModelsAndReportsEachLevelsSeedEnsemble() {
    String storage = "sqlite:" + tmp.resolve("s.db");

    CliRun run = sweep(storage, "--factor", "lr=0.01,0.1", "--repeats", "2", "--keep-models");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Seed ensembles");
    assertThat(run.out().indexOf("Seed ensembles"))
        .isLessThan(run.out().indexOf("How this sweep was run"));
    assertThat(tmp.resolve("s.models/tiny")).isDirectory();
  }

  @Test
  void rejectsAFactorItCannotSet() {
    CliRun run =
        CliRun.of(
            "sweep", "--factor", "colour=red,blue", "--storage", "sqlite:" + tmp.resolve("s.db"));

    assertThat(run.badInputLine()).contains("unknown factor 'colour'");
    assertThat(tmp.resolve("s.db"))
        .as("nothing is created for a sweep that never starts")
        .doesNotExist();
  }

  @Test
  void rejectsAMalformedBaseWithoutCreatingTheStorage() {
    CliRun run =
        CliRun.of("sweep", "--base", "nonexist.yaml", "--storage", "sqlite:" + tmp.resolve("s.db"));

    assertThat(run.badInputLine())
        .isEqualTo(
            "mnist-lab sweep: --base must be PRESET:TRIAL "
                + "(e.g. blog:7) or STUDY:NUMBER (a stored trial), got 'nonexist.yaml'");
    assertThat(tmp.resolve("s.db")).doesNotExist();
  }

  @Test
  void needsAnExistingStorageForAStoredTrialAsBase() {
    CliRun run =
        CliRun.of("sweep", "--base", "mystudy:3", "--storage", "sqlite:" + tmp.resolve("s.db"));

    assertThat(run.badInputLine())
        .startsWith("mnist-lab sweep: storage file " + tmp.resolve("s.db") + " does not exist;");
    assertThat(tmp.resolve("s.db")).doesNotExist();
  }

  @Test
  void rejectsAGridOverAFactorItDoesNotSweep() {
    CliRun run =
        CliRun.of(
            "sweep",
            "--factor",
            "lr=0.01,0.1",
            "--grid",
            "lr,momentum",
            "--storage",
            "sqlite:" + tmp.resolve("s.db"));

    assertThat(run.badInputLine()).contains("--grid names momentum");
  }

  @Test
  void aWrongDataDirLeavesNoStorageBehind() {
    CliRun run =
        CliRun.of(
            "sweep",
            "--quick",
            "--data-dir",
            tmp.resolve("nope").toString(),
            "--storage",
            "sqlite:" + tmp.resolve("s.db"));

    assertThat(run.badInputLine()).startsWith("mnist-lab sweep: data directory does not exist");
    assertThat(tmp.resolve("s.db")).doesNotExist();
  }
}
